package labcloud.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import labcloud.core.Environment;
import labcloud.core.ExitCode;
import labcloud.core.LabcloudException;
import labcloud.core.SecureFiles;
import labcloud.core.UsageException;

/**
 * The dashboard's access token for when it listens beyond loopback. The token is random (256
 * bits), shown once when it is created, and only its SHA-256 is kept, in {@code ~/.labcloud/dashboard-token}
 * (mode 0600). A fast hash is enough here: the token is random, not a password someone chose.
 */
public final class AccessToken {
    private static final String PREFIX = "sha256:";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final byte[] hash;

    private AccessToken(byte[] hash) {
        this.hash = hash;
    }

    /** A token that was just created: the value to show once, and the verifier kept by the server. */
    public record Issued(String token, AccessToken verifier, Path file) {}

    public static Path file(Environment env) {
        return env.labcloudDir().resolve("dashboard-token");
    }

    /** The stored token's verifier, or null when none has been created yet. */
    public static AccessToken load(Path file) {
        if (!Files.exists(file)) return null;
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new LabcloudException(ExitCode.FAILED, "cannot read " + file + ": " + e.getMessage(), e);
        }
        if (!content.startsWith(PREFIX) || content.length() != PREFIX.length() + 64) {
            throw new UsageException(file + ": line 1: expected 'sha256:' and 64 hex digits (delete the file to create a new token)");
        }
        try {
            return new AccessToken(HexFormat.of().parseHex(content.substring(PREFIX.length())));
        } catch (IllegalArgumentException e) {
            throw new UsageException(file + ": line 1: the hash is not hexadecimal (delete the file to create a new token)");
        }
    }

    /** Creates a new random token, stores its hash (replacing any previous one) and returns it. */
    public static Issued create(Path file) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = "lcd_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        byte[] hash = sha256(token);
        try {
            SecureFiles.writeAtomically(file, PREFIX + HexFormat.of().formatHex(hash) + "\n");
        } catch (IOException e) {
            throw new LabcloudException(ExitCode.FAILED, "cannot write " + file + ": " + e.getMessage(), e);
        }
        return new Issued(token, new AccessToken(hash), file);
    }

    /** Constant-time comparison of the presented token's hash with the stored one. */
    public boolean matches(String presented) {
        if (presented == null || presented.isEmpty() || presented.length() > 256) return false;
        return MessageDigest.isEqual(hash, sha256(presented));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
