package labcloud.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import labcloud.core.AuthException;
import labcloud.core.Environment;
import labcloud.testing.S3ProxyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The lean object path against an S3Proxy that checks every signature: what it writes, the SDK
 * reads back byte for byte, and what the SDK writes, it reads.
 */
class S3ObjectIoTest {
    private static final String BUCKET = "signed-io";
    private static S3ProxyServer store;
    private static AwsContext aws;

    @BeforeAll
    static void start() throws Exception {
        store = S3ProxyServer.start(Files.createTempDirectory("labcloud-signed-"), "testing", "testing-secret-key");
        aws = context("testing-secret-key");
        aws.s3().createBucket(b -> b.bucket(BUCKET));
    }

    @AfterAll
    static void stop() {
        aws.close();
        store.close();
    }

    private static AwsContext context(String secret) {
        return new AwsContext(new AwsSettings(null, "us-east-1", store.endpoint(), true), Environment.of(Map.of(
                "AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", secret, "AWS_MAX_ATTEMPTS", "2")));
    }

    @Test
    void putThenReadBackWithTheSdkForAwkwardKeys() throws Exception {
        S3ObjectIo io = aws.s3ObjectIo("us-east-1");
        S3Client sdk = aws.s3();
        for (String key : List.of("plain.txt", "dir/sub dir/with space.csv", "ünïcødé/日本語.txt", "a+b=c&d~e%f.bin",
                "odd!'()*[]$@,;:.txt")) {
            byte[] data = ("content of " + key).getBytes(StandardCharsets.UTF_8);
            String etag = io.putObject(BUCKET, key, data, md5(data), Map.of("labcloud-crc32c", "AAAAAA=="));
            assertThat(etag).as(key).isEqualTo(HexFormat.of().formatHex(md5(data)));
            var back = sdk.getObjectAsBytes(b -> b.bucket(BUCKET).key(key));
            assertThat(back.asByteArray()).as(key).isEqualTo(data);
            assertThat(back.response().metadata()).as(key).containsEntry("labcloud-crc32c", "AAAAAA==");
        }
        assertThat(sdk.listObjectsV2(b -> b.bucket(BUCKET)).contents()).extracting(o -> o.key())
                .contains("dir/sub dir/with space.csv", "ünïcødé/日本語.txt", "a+b=c&d~e%f.bin", "odd!'()*[]$@,;:.txt");
    }

    @Test
    void listingsMatchTheSdksForAwkwardKeysWithPrefixAndStartAfter() throws Exception {
        S3ObjectIo io = aws.s3ObjectIo("us-east-1");
        S3Client sdk = aws.s3();
        List<String> keys = List.of("ls/plain.txt", "ls/sub dir/with space.csv", "ls/ünïcødé/日本語.txt", "ls/a+b=c&d~e%f.bin",
                "ls/odd!'()*[]$@,;:.txt", "ls/x<y>&\"q\".txt", "ls/😀.bin", "lz/outside");
        for (String key : keys) {
            byte[] data = key.getBytes(StandardCharsets.UTF_8);
            io.putObject(BUCKET, key, data, md5(data), Map.of());
        }
        var expected = sdk.listObjectsV2(b -> b.bucket(BUCKET).prefix("ls/")).contents();
        S3ObjectIo.ListPage page = io.listObjects(BUCKET, "ls/", null, null);
        assertThat(page.truncated()).isFalse();
        assertThat(page.objects()).extracting(S3ObjectIo.Listed::key).containsExactlyElementsOf(expected.stream().map(o -> o.key()).toList())
                .hasSize(keys.size() - 1);
        for (int i = 0; i < expected.size(); i++) {
            var want = expected.get(i);
            var got = page.objects().get(i);
            assertThat(got.size()).isEqualTo(want.size());
            assertThat(got.etag()).isEqualTo(want.eTag().replace("\"", ""));
            assertThat(got.lastModified()).isEqualTo(want.lastModified());
        }
        String after = page.objects().get(2).key();
        assertThat(io.listObjects(BUCKET, "ls/", after, null).objects()).extracting(S3ObjectIo.Listed::key)
                .containsExactlyElementsOf(expected.stream().map(o -> o.key()).skip(3).toList());
    }

    @Test
    void emptyObjectsAndRangedReadsWithIfMatch() throws Exception {
        S3ObjectIo io = aws.s3ObjectIo("us-east-1");
        io.putObject(BUCKET, "empty", new byte[0], md5(new byte[0]), Map.of());
        try (var d = io.getObject(BUCKET, "empty", 0, null)) {
            assertThat(d.body().readAllBytes()).isEmpty();
            assertThat(d.etag()).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
        }
        byte[] data = "0123456789abcdefghij".getBytes(StandardCharsets.UTF_8);
        aws.s3().putObject(b -> b.bucket(BUCKET).key("ranged").metadata(Map.of("k", "v")), RequestBody.fromBytes(data));
        String etag = HexFormat.of().formatHex(md5(data));
        try (var d = io.getRange(BUCKET, "ranged", 5, 9, etag)) {
            assertThat(new String(d.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("56789");
            assertThat(d.contentLength()).isEqualTo(5);
            assertThat(d.metadata()).containsEntry("k", "v");
        }
        assertThatThrownBy(() -> io.getRange(BUCKET, "ranged", 0, 3, "0123456789abcdef0123456789abcdef"))
                .isInstanceOf(S3Exception.class).satisfies(e -> assertThat(((S3Exception) e).statusCode()).isEqualTo(412));
        assertThatThrownBy(() -> io.getObject(BUCKET, "no/such/key", 0, null)).isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void largeBodiesAndRangesRoundTrip() throws Exception {
        S3ObjectIo io = aws.s3ObjectIo("us-east-1");
        byte[] big = new byte[3 * 1024 * 1024 + 1];
        new java.util.Random(7).nextBytes(big);
        String etag = io.putObject(BUCKET, "big one", big, md5(big), Map.of("labcloud-crc32c", "BBBBBB=="));
        assertThat(etag).isEqualTo(HexFormat.of().formatHex(md5(big)));
        try (var d = io.getObject(BUCKET, "big one", big.length, etag)) {
            assertThat(d.body().readAllBytes()).isEqualTo(big);
            assertThat(d.etag()).isEqualTo(etag);
            assertThat(d.metadata()).containsEntry("labcloud-crc32c", "BBBBBB==");
            assertThat(d.contentLength()).isEqualTo(big.length);
        }
        try (var d = io.getRange(BUCKET, "big one", 0, big.length - 1, etag)) {
            assertThat(d.body().readAllBytes()).isEqualTo(big);
        }
        assertThatThrownBy(() -> io.getRange(BUCKET, "big one", 0, big.length - 1, "0123456789abcdef0123456789abcdef"))
                .isInstanceOf(S3Exception.class).satisfies(e -> assertThat(((S3Exception) e).statusCode()).isEqualTo(412));
    }

    @Test
    void partsUploadedHereCompleteWithTheSdk() throws Exception {
        // parts go through this path with the upload ID in the signed query string
        S3ObjectIo io = aws.s3ObjectIo("us-east-1");
        S3Client sdk = aws.s3();
        byte[] p1 = new byte[5 * 1024 * 1024];
        java.util.Arrays.fill(p1, (byte) 'x');
        byte[] p2 = "tail".getBytes(StandardCharsets.UTF_8);
        String id = sdk.createMultipartUpload(b -> b.bucket(BUCKET).key("multi part")).uploadId();
        String t1 = io.uploadPart(BUCKET, "multi part", id, 1, p1, md5(p1));
        String t2 = io.uploadPart(BUCKET, "multi part", id, 2, p2, md5(p2));
        assertThat(t1).isEqualTo(HexFormat.of().formatHex(md5(p1)));
        sdk.completeMultipartUpload(b -> b.bucket(BUCKET).key("multi part").uploadId(id).multipartUpload(m -> m.parts(
                CompletedPart.builder().partNumber(1).eTag("\"" + t1 + "\"").build(),
                CompletedPart.builder().partNumber(2).eTag("\"" + t2 + "\"").build())));
        try (var d = io.getRange(BUCKET, "multi part", p1.length, p1.length + 3, null)) {
            assertThat(new String(d.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("tail");
        }
    }

    @Test
    void aWrongSecretIsAnAuthenticationErrorThatNamesNoSecret() {
        try (AwsContext wrong = context("not-the-secret")) {
            S3ObjectIo io = wrong.s3ObjectIo("us-east-1");
            byte[] data = {1, 2, 3};
            assertThatThrownBy(() -> io.putObject(BUCKET, "denied", data, md5(data), Map.of()))
                    .satisfies(e -> {
                        assertThat(AwsErrors.errorCode(e)).isIn("SignatureDoesNotMatch", "InvalidAccessKeyId", "AccessDenied");
                        var classified = AwsErrors.classify(e);
                        assertThat(classified).isInstanceOf(AuthException.class);
                        assertThat(classified.getMessage()).doesNotContain("not-the-secret");
                    });
        }
        assertThatThrownBy(() -> aws.s3().headObject(b -> b.bucket(BUCKET).key("denied"))).isInstanceOf(NoSuchKeyException.class);
    }

    private static byte[] md5(byte[] data) throws Exception {
        return MessageDigest.getInstance("MD5").digest(data);
    }
}
