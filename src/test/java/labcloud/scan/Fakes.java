package labcloud.scan;

import java.util.Base64;
import java.util.Random;

/**
 * Obviously fake credentials for tests, built at run time so that no key-shaped literal sits in
 * the sources. They have the shape of real ones (base32 key IDs, 40-character base64 secrets).
 */
public final class Fakes {
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private final Random random;

    public Fakes(long seed) {
        this.random = new Random(seed);
    }

    /** prefix (AKIA, ASIA, ...) + 16 random base32 characters. */
    public String keyId(String prefix) {
        StringBuilder b = new StringBuilder(prefix);
        while (b.length() < 20) b.append(BASE32.charAt(random.nextInt(32)));
        return b.toString();
    }

    public String keyId() {
        return keyId("AK" + "IA");
    }

    /** A 40-character secret access key: base64 letters with at least one of each kind. */
    public String secret() {
        while (true) {
            byte[] bytes = new byte[30];
            random.nextBytes(bytes);
            String s = Base64.getEncoder().encodeToString(bytes);
            if (s.chars().anyMatch(Character::isUpperCase) && s.chars().anyMatch(Character::isLowerCase)
                    && s.chars().anyMatch(Character::isDigit) && Plausibility.secretKey(s, true)) return s;
        }
    }

    /** A secret that certainly contains '/' and '+', for URL-encoding tests. */
    public String secretWithSlashAndPlus() {
        String s = secret();
        return s.substring(0, 10) + "/" + s.substring(11, 20) + "+" + s.substring(21);
    }

    public String sessionToken() {
        byte[] bytes = new byte[300];
        random.nextBytes(bytes);
        return "IQoJb3JpZ2luX2Vj" + Base64.getEncoder().encodeToString(bytes).replace("=", "");
    }

    /** A PEM block with random base64 lines (not a usable key: the scanner does not parse keys). */
    public String pem(String kind) {
        StringBuilder b = new StringBuilder("-----BEGIN " + kind + "PRIVATE KEY-----\n");
        for (int i = 0; i < 6; i++) {
            byte[] bytes = new byte[48];
            random.nextBytes(bytes);
            b.append(Base64.getEncoder().encodeToString(bytes)).append('\n');
        }
        return b.append("-----END ").append(kind).append("PRIVATE KEY-----\n").toString();
    }

    public String putty() {
        StringBuilder b = new StringBuilder("PuTTY-User-Key-File-" + "3: ssh-ed25519\nEncryption: none\nComment: lab\nPublic-Lines: 2\n");
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        b.append(Base64.getEncoder().encodeToString(bytes)).append("\nPrivate-Lines: 1\n");
        random.nextBytes(bytes);
        b.append(Base64.getEncoder().encodeToString(bytes)).append("\nPrivate-MAC: 0123abcd\n");
        return b.toString();
    }
}
