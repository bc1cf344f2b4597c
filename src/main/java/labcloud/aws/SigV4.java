package labcloud.aws;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * AWS Signature Version 4 for S3 object requests (header-based, one region and service). The
 * derived signing key is cached per secret and day, so a request costs one SHA-256 and one HMAC;
 * both come from initialised prototypes by clone(), and the timestamp is formatted once a second:
 * looking up and initialising a Mac per request was a fifth of the CPU of 10,000 small downloads.
 */
final class SigV4 {
    /** The body is not part of the signature; its Content-MD5 is, and the server checks that. */
    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();

    private final String region;
    private final String service;
    private volatile SigningKey cached;
    private volatile Stamp lastStamp = new Stamp(-1, "");

    /** The key of one secret and day, and an HMAC already initialised with it, cloned per use. */
    private record SigningKey(String secret, String day, byte[] key, Mac mac) {}

    private record Stamp(long second, String text) {}

    private static final MessageDigest SHA256_PROTOTYPE = digest("SHA-256");

    SigV4(String region, String service) {
        this.region = region;
        this.service = service;
    }

    /**
     * Adds x-amz-date, x-amz-content-sha256, the session token if any, and Authorization to
     * {@code headers}. Header names must be lower case; {@code host} must be the Host header
     * exactly as it will be sent, and the path and query already URI-encoded as sent.
     */
    void sign(String method, String rawPath, String rawQuery, Map<String, String> headers, String payloadHash,
              AwsCredentials credentials, Instant now) {
        String stamp = stamp(now);
        String day = stamp.substring(0, 8);
        headers.put("x-amz-date", stamp);
        headers.put("x-amz-content-sha256", payloadHash);
        if (credentials instanceof AwsSessionCredentials s) headers.put("x-amz-security-token", s.sessionToken());

        TreeMap<String, String> sorted = new TreeMap<>(headers);
        StringBuilder canonicalHeaders = new StringBuilder();
        StringBuilder signedHeaders = new StringBuilder();
        sorted.forEach((name, value) -> {
            canonicalHeaders.append(name).append(':').append(canonicalValue(value)).append('\n');
            if (!signedHeaders.isEmpty()) signedHeaders.append(';');
            signedHeaders.append(name);
        });
        String canonicalRequest = method + '\n' + rawPath + '\n' + canonicalQuery(rawQuery) + '\n'
                + canonicalHeaders + '\n' + signedHeaders + '\n' + payloadHash;
        String scope = day + "/" + region + "/" + service + "/aws4_request";
        String stringToSign = "AWS4-HMAC-SHA256\n" + stamp + '\n' + scope + '\n' + HEX.formatHex(sha256(canonicalRequest));
        String signature = HEX.formatHex(signingMac(credentials.secretAccessKey(), day).doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        headers.put("authorization", "AWS4-HMAC-SHA256 Credential=" + credentials.accessKeyId() + "/" + scope
                + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature);
    }

    /**
     * A header value as SigV4 signs it: without leading and trailing whitespace, each run of
     * whitespace inside as one space (S3 computes it so: "a  b" signed as is would not match).
     */
    static String canonicalValue(String value) {
        StringBuilder b = new StringBuilder(value.length());
        boolean pendingSpace = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000b') {
                pendingSpace = !b.isEmpty();
            } else {
                if (pendingSpace) b.append(' ');
                pendingSpace = false;
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Query parameters sorted by name; the values are already encoded by the caller. */
    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) return "";
        TreeMap<String, String> params = new TreeMap<>();
        for (String p : rawQuery.split("&")) {
            int eq = p.indexOf('=');
            params.put(eq < 0 ? p : p.substring(0, eq), eq < 0 ? "" : p.substring(eq + 1));
        }
        StringBuilder b = new StringBuilder();
        params.forEach((k, v) -> b.append(b.isEmpty() ? "" : "&").append(k).append('=').append(v));
        return b.toString();
    }

    private String stamp(Instant now) {
        long second = now.getEpochSecond();
        Stamp st = lastStamp;
        if (st.second != second) {
            st = new Stamp(second, STAMP.format(now));
            lastStamp = st;
        }
        return st.text;
    }

    private Mac signingMac(String secret, String day) {
        SigningKey k = signingKeyFor(secret, day);
        try {
            return (Mac) k.mac.clone();
        } catch (CloneNotSupportedException e) {
            return newMac(k.key);
        }
    }

    private SigningKey signingKeyFor(String secret, String day) {
        SigningKey k = cached;
        if (k != null && k.day.equals(day) && k.secret.equals(secret)) return k;
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), day);
        key = hmac(key, region);
        key = hmac(key, service);
        key = hmac(key, "aws4_request");
        k = new SigningKey(secret, day, key, newMac(key));
        cached = k;
        return k;
    }

    /** Percent-encodes per RFC 3986 as S3 expects: unreserved characters stay, '/' stays when asked. */
    static String uriEncode(String s, boolean keepSlash) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        StringBuilder b = new StringBuilder(bytes.length + 16);
        for (byte x : bytes) {
            int c = x & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~' || (c == '/' && keepSlash)) {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return b.toString();
    }

    static byte[] sha256(String s) {
        MessageDigest md;
        try {
            md = (MessageDigest) SHA256_PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            md = digest("SHA-256");
        }
        return md.digest(s.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Mac newMac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        return newMac(key).doFinal(data.getBytes(StandardCharsets.UTF_8));
    }
}
