package labcloud.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * labcloud's own SigV4 signer (the S3 data path) against the SDK's standalone signer: random
 * requests of the shapes the data path sends, signed by both at the same fixed instant, must get
 * the very same Authorization header. Keys, query parameters and header values draw on unicode and
 * on the characters that need encoding; half the requests carry a session token; both payload
 * modes (the body's SHA-256, and UNSIGNED-PAYLOAD) are covered.
 *
 * <p>The inputs follow SigV4's contract with its callers: header names in lower case and each once,
 * each query parameter name once, the path and query already encoded (by {@link SigV4#uriEncode}).
 */
class SigV4DifferentialTest {
    private static final int REQUESTS = 6000;
    private static final String[] METHODS = {"GET", "PUT", "HEAD", "POST", "DELETE"};
    private static final String[] REGIONS = {"us-east-1", "eu-west-1", "ap-southeast-2", "us-gov-west-1", "cn-north-1"};
    private static final String[] HEADER_NAMES = {"content-md5", "content-type", "range", "if-match", "x-amz-meta-owner",
            "x-amz-meta-project", "x-amz-meta-ünïcode-ok", "x-amz-copy-source", "cache-control", "x-amz-storage-class"};
    private static final String ALPHABET = "abcXYZ019-_.~ /!\"#$%&'()*+,:;<=>?@[\\]^`{|}" + "éüßøñ中文日本語🚀€\u00a0\t";

    private final AwsV4HttpSigner sdk = AwsV4HttpSigner.create();

    @Test
    void thousandsOfRandomRequestsAreSignedExactlyAsTheSdkSignsThem() throws Exception {
        Random random = new Random(20261207L);
        int signedPayloads = 0;
        int sessions = 0;
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            Case c = randomCase(random);
            if (c.payload != null) signedPayloads++;
            if (c.credentials instanceof AwsSessionCredentials) sessions++;
            String ours = ours(c);
            String theirs = sdk(c);
            if (!ours.equals(theirs) && mismatches.size() < 5) mismatches.add(c + "\n  labcloud: " + ours + "\n  sdk:      " + theirs);
        }
        assertThat(mismatches).isEmpty();
        assertThat(signedPayloads).as("both payload modes").isBetween(REQUESTS / 4, REQUESTS * 3 / 4);
        assertThat(sessions).as("with and without a session token").isBetween(REQUESTS / 4, REQUESTS * 3 / 4);
    }

    /** The comparison can fail: a request signed for one key and checked against another differs. */
    @Test
    void aChangedRequestGetsADifferentSignature() throws Exception {
        Case c = randomCase(new Random(1));
        Case changed = new Case(c.method, c.region, c.host, c.path + "x", c.query, c.headers, c.payload, c.credentials, c.now);
        assertThat(ours(changed)).isNotEqualTo(sdk(c));
    }

    private record Case(String method, String region, String host, String path, Map<String, String> query,
                        Map<String, String> headers, byte[] payload, AwsCredentials credentials, Instant now) {
        @Override
        public String toString() {
            return method + " " + host + path + " query=" + query + " headers=" + headers
                    + " payload=" + (payload == null ? "UNSIGNED" : payload.length + " bytes")
                    + " session=" + (credentials instanceof AwsSessionCredentials) + " at " + now;
        }
    }

    private static Case randomCase(Random r) {
        String region = REGIONS[r.nextInt(REGIONS.length)];
        String bucket = "lab-" + r.nextInt(1000);
        boolean virtualHost = r.nextBoolean();
        String host = virtualHost ? bucket + ".s3." + region + ".amazonaws.com" : "s3." + region + ".amazonaws.com";
        String key = text(r, 1 + r.nextInt(40));
        String path = (virtualHost ? "" : "/" + SigV4.uriEncode(bucket, false)) + "/" + SigV4.uriEncode(key, true);
        Map<String, String> query = new LinkedHashMap<>();
        int params = r.nextInt(5);
        for (int i = 0; i < params; i++) {
            query.put(i == 0 && r.nextBoolean() ? "uploadId" : text(r, 1 + r.nextInt(8)), r.nextInt(5) == 0 ? "" : text(r, r.nextInt(20)));
        }
        Map<String, String> headers = new HashMap<>();
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
            headers.put(HEADER_NAMES[r.nextInt(HEADER_NAMES.length)], headerValue(r));
        }
        byte[] payload = r.nextBoolean() ? text(r, r.nextInt(300)).getBytes(StandardCharsets.UTF_8) : null;
        String accessKey = "AKIA" + Long.toString(Math.abs(r.nextLong()), 36).toUpperCase();
        String secret = text(r, 40).replaceAll("[^A-Za-z0-9/+]", "x");
        AwsCredentials creds = r.nextBoolean() ? AwsBasicCredentials.create(accessKey, secret)
                : AwsSessionCredentials.create(accessKey, secret, "FwoGZXIvYXdzE" + text(r, 60).replaceAll("[^A-Za-z0-9/+=]", "Q"));
        Instant now = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(r.nextInt(400 * 86400));
        return new Case(METHODS[r.nextInt(METHODS.length)], region, host, path, query, headers, payload, creds, now);
    }

    private static String text(Random r, int length) {
        StringBuilder b = new StringBuilder();
        int[] cps = ALPHABET.codePoints().toArray();
        for (int i = 0; i < length; i++) b.appendCodePoint(cps[r.nextInt(cps.length)]);
        return b.toString();
    }

    /** Header values as they reach the wire: printable, with runs of spaces and tabs and spaces around them. */
    private static String headerValue(Random r) {
        String v = text(r, 1 + r.nextInt(30)).replace('\u00a0', ' ');
        if (r.nextBoolean()) v = "  " + v + " ";
        return v.isBlank() ? "x" + v + "y" : v;
    }

    private static String ours(Case c) throws Exception {
        Map<String, String> headers = new HashMap<>(c.headers);
        headers.put("host", c.host);
        StringBuilder q = new StringBuilder();
        c.query.forEach((k, v) -> q.append(q.isEmpty() ? "" : "&").append(SigV4.uriEncode(k, false)).append('=')
                .append(SigV4.uriEncode(v, false)));
        String payloadHash = c.payload == null ? SigV4.UNSIGNED_PAYLOAD
                : HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.payload));
        new SigV4(c.region, "s3").sign(c.method, c.path, q.isEmpty() ? null : q.toString(), headers, payloadHash, c.credentials, c.now);
        return headers.get("authorization");
    }

    private String sdk(Case c) {
        SdkHttpFullRequest.Builder req = SdkHttpFullRequest.builder().method(SdkHttpMethod.fromValue(c.method))
                .protocol("https").host(c.host).encodedPath(c.path);
        c.query.forEach(req::putRawQueryParameter);
        c.headers.forEach(req::putHeader);
        // labcloud always sends the payload's hash header; the SDK signs what is there
        req.putHeader("x-amz-content-sha256", c.payload == null ? SigV4.UNSIGNED_PAYLOAD : sha256Hex(c.payload));
        SdkHttpRequest request = req.build();
        AwsCredentialsIdentity identity = c.credentials instanceof AwsSessionCredentials s
                ? AwsSessionCredentialsIdentity.create(s.accessKeyId(), s.secretAccessKey(), s.sessionToken())
                : AwsCredentialsIdentity.create(c.credentials.accessKeyId(), c.credentials.secretAccessKey());
        byte[] body = c.payload == null ? new byte[0] : c.payload;
        var signed = sdk.sign(s -> s.identity(identity).request(request)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, c.region)
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, c.payload != null)
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(c.now, ZoneOffset.UTC)));
        return signed.request().firstMatchingHeader("Authorization").orElseThrow();
    }

    private static String sha256Hex(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
