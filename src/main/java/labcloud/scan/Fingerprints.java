package labcloud.scan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Fingerprints identify a finding by rule, path and secret, so they survive edits that move lines. */
final class Fingerprints {
    private Fingerprints() {}

    static String of(Rule rule, String path, String secret) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(rule.id().getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0);
            d.update(path.getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0);
            d.update(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d.digest(), 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
