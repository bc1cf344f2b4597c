package labcloud.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the detector must find, what it must not flag, and how it reports and redacts. */
class SecretDetectorTest {
    private static final Fakes F = new Fakes(42);
    private final SecretDetector detector = new SecretDetector();

    private static final String KEY = F.keyId();
    private static final String SECRET = F.secret();
    /** A random secret with "//" inside (about 1% of real ones have it). */
    private static final String SLASHES = withDoubleSlash(F.secret());

    private static String withDoubleSlash(String secret) {
        String s = secret.replace("/", "x").substring(0, 17) + "//" + secret.replace("/", "x").substring(19);
        assertThat(Plausibility.secretKey(s, false)).as(s).isTrue();
        return s;
    }

    static Stream<Arguments> mustFind() {
        String url = F.secretWithSlashAndPlus();
        String encoded = url.replace("/", "%2F").replace("+", "%2B");
        return Stream.of(
                Arguments.of("bare key ID", "id " + KEY + " here", List.of(Rule.AWS_ACCESS_KEY_ID)),
                Arguments.of("quoted key ID", "k = '" + KEY + "'", List.of(Rule.AWS_ACCESS_KEY_ID)),
                Arguments.of("ASIA", "\"" + F.keyId("AS" + "IA") + "\"", List.of(Rule.AWS_ACCESS_KEY_ID)),
                Arguments.of("ABIA", F.keyId("AB" + "IA"), List.of(Rule.AWS_ACCESS_KEY_ID)),
                Arguments.of("ACCA", F.keyId("AC" + "CA"), List.of(Rule.AWS_ACCESS_KEY_ID)),
                Arguments.of("A3T", "x=" + F.keyId("A3" + "TX"), List.of(Rule.AWS_ACCESS_KEY_ID)),
                Arguments.of("aws_secret_access_key", "aws_secret_access_key = " + SECRET, List.of(Rule.AWS_SECRET_ACCESS_KEY)),
                Arguments.of("SECRET_KEY env", "export SECRET_KEY=\"" + SECRET + "\"", List.of(Rule.AWS_SECRET_ACCESS_KEY)),
                Arguments.of("JSON SecretAccessKey", "{\"SecretAccessKey\": \"" + SECRET + "\"}", List.of(Rule.AWS_SECRET_ACCESS_KEY)),
                Arguments.of("YAML secret", "  secret: " + SECRET, List.of(Rule.AWS_SECRET_ACCESS_KEY)),
                Arguments.of("environ assignment", "os.environ[\"AWS_SECRET_ACCESS_KEY\"] = \"" + SECRET + "\"",
                        List.of(Rule.AWS_SECRET_ACCESS_KEY)),
                Arguments.of("key ID in a presigned URL", "https://b.s3.amazonaws.com/k?X-Amz-Credential=" + KEY
                        + "/20240101/us-east-1/s3/aws4_request", List.of(Rule.AWS_ACCESS_KEY_ID)),
                Arguments.of("URL-encoded secret", "https://x/?secret=" + encoded + "&a=1", List.of(Rule.AWS_SECRET_ACCESS_KEY)),
                Arguments.of("pair in an SDK call", "boto3.client('s3', '" + KEY + "', '" + SECRET + "')",
                        List.of(Rule.AWS_ACCESS_KEY_ID, Rule.AWS_SECRET_ACCESS_KEY)),
                Arguments.of("CSV row", "bob," + KEY + "," + SECRET + "\n",
                        List.of(Rule.AWS_ACCESS_KEY_ID, Rule.AWS_SECRET_ACCESS_KEY)),
                Arguments.of("secret on the line after the key ID", "creds = (\"" + KEY + "\",\n   \"" + SECRET + "\")",
                        List.of(Rule.AWS_ACCESS_KEY_ID, Rule.AWS_SECRET_ACCESS_KEY)),
                Arguments.of("session token", "aws_session_token = " + F.sessionToken(), List.of(Rule.AWS_SESSION_TOKEN)),
                Arguments.of("JSON SessionToken", "{\"SessionToken\": \"" + F.sessionToken() + "\"}", List.of(Rule.AWS_SESSION_TOKEN)),
                Arguments.of("AWS_SECURITY_TOKEN env", "export AWS_SECURITY_TOKEN=" + F.sessionToken(), List.of(Rule.AWS_SESSION_TOKEN)),
                Arguments.of("URL-encoded session token", "X-Amz-Security-Token=" + F.sessionToken().replace("b", "%2B"),
                        List.of(Rule.AWS_SESSION_TOKEN)),
                Arguments.of("RSA PEM", F.pem("RSA "), List.of(Rule.PRIVATE_KEY)),
                Arguments.of("EC PEM", F.pem("EC "), List.of(Rule.PRIVATE_KEY)),
                Arguments.of("OpenSSH key", F.pem("OPENSSH "), List.of(Rule.PRIVATE_KEY)),
                Arguments.of("PKCS#8", F.pem(""), List.of(Rule.PRIVATE_KEY)),
                Arguments.of("encrypted PKCS#8", F.pem("ENCRYPTED "), List.of(Rule.PRIVATE_KEY)),
                Arguments.of("PEM in a Java string", "String k = \"" + F.pem("RSA ").replace("\n", "\\n\" +\n\"") + "\";",
                        List.of(Rule.PRIVATE_KEY)),
                Arguments.of("PuTTY key", F.putty(), List.of(Rule.PUTTY_PRIVATE_KEY)),
                // A secret holding "//", found only because a key ID sits next to it.
                Arguments.of("'//' secret in a console CSV row", "alice,," + KEY + "," + SLASHES + ",https://console\n",
                        List.of(Rule.AWS_ACCESS_KEY_ID, Rule.AWS_SECRET_ACCESS_KEY)),
                Arguments.of("'//' secret as ID:SECRET", KEY + ":" + SLASHES, List.of(Rule.AWS_ACCESS_KEY_ID, Rule.AWS_SECRET_ACCESS_KEY)),
                Arguments.of("'//' secret on the next line", KEY + "\n" + SLASHES + "\n",
                        List.of(Rule.AWS_ACCESS_KEY_ID, Rule.AWS_SECRET_ACCESS_KEY)),
                Arguments.of("'//' secret in an SDK constructor", "new BasicAWSCredentials(\"" + KEY + "\", \"" + SLASHES + "\");",
                        List.of(Rule.AWS_ACCESS_KEY_ID, Rule.AWS_SECRET_ACCESS_KEY)),
                // XML: the element or the key attribute is the name.
                Arguments.of("XML SecretAccessKey element", "<SecretAccessKey>" + SECRET + "</SecretAccessKey>",
                        List.of(Rule.AWS_SECRET_ACCESS_KEY)),
                Arguments.of("XML aws_secret_access_key element", "  <aws_secret_access_key>" + SECRET + "</aws_secret_access_key>",
                        List.of(Rule.AWS_SECRET_ACCESS_KEY)),
                Arguments.of("XML entry key/value", "<entry key=\"aws.secretKey\" value=\"" + SECRET + "\"/>",
                        List.of(Rule.AWS_SECRET_ACCESS_KEY)),
                Arguments.of("Hadoop core-site.xml", "<property>\n  <name>fs.s3a.secret.key</name>\n  <value>" + SECRET
                        + "</value>\n</property>\n", List.of(Rule.AWS_SECRET_ACCESS_KEY)),
                Arguments.of("STS XML answer", "<Credentials>\n  <SessionToken>" + F.sessionToken() + "</SessionToken>\n"
                        + "  <SecretAccessKey>" + F.secret() + "</SecretAccessKey>\n</Credentials>",
                        List.of(Rule.AWS_SESSION_TOKEN, Rule.AWS_SECRET_ACCESS_KEY)),
                // Separated by blanks, no key ID near.
                Arguments.of("aws configure set", "aws configure set aws_secret_access_key " + SECRET,
                        List.of(Rule.AWS_SECRET_ACCESS_KEY)),
                Arguments.of("command-line option", "tool --aws-secret-access-key " + SECRET + " --region eu-west-1",
                        List.of(Rule.AWS_SECRET_ACCESS_KEY)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mustFind")
    void findsSecrets(String name, String text, List<Rule> rules) {
        List<Match> found = detector.scan(text);
        assertThat(found).extracting(Match::rule).containsExactlyInAnyOrderElementsOf(rules);
        for (Match m : found) {
            assertThat(m.shown()).as("redacted").doesNotContain(SECRET);
            if (m.rule() != Rule.AWS_ACCESS_KEY_ID) assertThat(text).doesNotContain(m.shown().replace("…", ""));
        }
    }

    /**
     * The trigger pass skips through a text's bytes a pair at a time: every secret must be found
     * at every offset, among fillers of anchors, numbers and bytes that are not ASCII, whether the
     * text comes as a file's Latin-1 bytes or as characters (a notebook's cells).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("mustFind")
    void findsEverySecretAtEveryOffset(String name, String text, List<Rule> rules) {
        for (String filler : List.of("Are Rk-Y rakK ArY-r kYA- ", "12,-0.5 3-7\t40;9.1\n-8,0x1f,", "\u00e9t\u00e9 \u00b5s caf\u00e9 ")) {
            for (int offset = 0; offset < 6; offset++) {
                for (String after : List.of("", "\n" + filler)) {
                    String t = filler.repeat(2).substring(0, offset) + "\n" + text + after;
                    byte[] latin1 = (t + "trailing bytes past the text").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                    List<Match> byChars = detector.scan(t);
                    assertThat(byChars).extracting(Match::rule).as(name + " at " + offset).containsExactlyInAnyOrderElementsOf(rules);
                    assertThat(detector.scan(t, SecretDetector.Triggers.in(latin1, t.length())).matches()).as(name + " at " + offset).isEqualTo(byChars);
                }
            }
        }
    }

    private SecretDetector.Scanned scanLatin1(String text) {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        return detector.scan(text, SecretDetector.Triggers.in(bytes, bytes.length));
    }

    /** The credentials-file check runs only on texts where the detector saw the secret key's name. */
    @Test
    void tellsWhetherTheSecretKeyIsNamed() {
        for (String name : List.of("aws_secret_access_key", "AWS_SECRET_ACCESS_KEY", "Aws_Secret_Access_Key")) {
            String text = "[default]\n" + name + " = placeholder\n";
            assertThat(scanLatin1(text).namesAwsSecretKey()).as(name).isTrue();
        }
        for (String text : List.of("secret = 1\n", "aws_secret_key = x\n", "_secret_access_key = x\n", "")) {
            assertThat(scanLatin1(text).namesAwsSecretKey()).as(text).isFalse();
        }
    }

    /** Files without any trigger are never turned into text: the byte pre-filter must let every real case through. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("mustFind")
    void preFilterPassesEverySecret(String name, String text, List<Rule> rules) {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(SecretDetector.mayContainSecrets(bytes, bytes.length)).as(name).isTrue();
        // Also inside notebook JSON, where quotes and newlines are escaped.
        byte[] json = ("{\"source\": [\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"]}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(SecretDetector.mayContainSecrets(json, json.length)).as(name + " in JSON").isTrue();
    }

    @Test
    void preFilterRejectsCodeHexAndBase64() {
        StringBuilder b = new StringBuilder("def frame_count(index, value=None):\n    return model.train(batch)  # Key Ref\n");
        java.util.Random r = new java.util.Random(7);
        for (int i = 0; i < 200; i++) b.append(String.format("S%d,G%05d,%040x%n", i, r.nextInt(30000), new java.math.BigInteger(160, r)));
        byte[] img = new byte[30_000];
        r.nextBytes(img);
        b.append(java.util.Base64.getEncoder().encodeToString(img));
        byte[] bytes = b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(SecretDetector.mayContainSecrets(bytes, bytes.length)).isFalse();
        // Only the first n bytes count.
        byte[] tail = ("plain text " + KEY).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(SecretDetector.mayContainSecrets(tail, 11)).isFalse();
        assertThat(SecretDetector.mayContainSecrets(tail, tail.length)).isTrue();
        // A range sees only its own bytes (a notebook's gaps between cells are checked so).
        byte[] three = ("x = 1\n" + KEY + "\ny = 2\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int keyAt = 6;
        assertThat(SecretDetector.mayContainSecrets(three, 0, keyAt)).isFalse();
        assertThat(SecretDetector.mayContainSecrets(three, keyAt + 1, three.length)).isFalse();
        assertThat(SecretDetector.mayContainSecrets(three, 0, keyAt + KEY.length() - 1)).isFalse();
        assertThat(SecretDetector.mayContainSecrets(three, keyAt, keyAt + KEY.length())).isTrue();
    }

    /**
     * The pre-filter looks at every third pair of bytes: every trigger must pass at any offset,
     * at the end of the bytes or not, among bytes that are anchors but start no trigger.
     */
    @Test
    void preFilterPassesTriggersAtEveryOffset() {
        // anchors that start no trigger; numbers and punctuation, which hold no trigger's pair; and
        // bytes that are not ASCII, which send a round of pairs to be looked at one by one
        for (String filler : List.of("Are Rk-Y rakK ArY-r kYA- ", "12,-0.5 3-7\t40;9.1\n-8,0x1f,", "Δt=0.5 µs – café ½ ÄÖ ")) {
            preFilterPassesTriggersAtEveryOffset(filler);
        }
    }

    private static void preFilterPassesTriggersAtEveryOffset(String filler) {
        byte[] plain = filler.repeat(4).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(SecretDetector.mayContainSecrets(plain, plain.length)).isFalse();
        for (String trigger : List.of(KEY, "secret", "SECRET", "token", "TOKEN", "-----BEGIN ", "PuTTY-User-Key-File-")) {
            for (int offset = 0; offset < 36; offset++) { // the pre-filter reads 12 bytes a round
                String before = filler.repeat(2).substring(0, offset);
                for (String after : List.of("", " " + filler)) {
                    byte[] bytes = (before + trigger + after).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    assertThat(SecretDetector.mayContainSecrets(bytes, bytes.length)).as(trigger + " at " + offset + after.length()).isTrue();
                }
            }
        }
    }

    static Stream<Arguments> mustNotFlag() {
        String ak = "AK" + "IA";
        return Stream.of(
                Arguments.of("AWS documented example key ID", "aws_access_key_id = " + ak + "IOSFODNN7EXAMPLE"),
                Arguments.of("AWS documented example secret", "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
                Arguments.of("documented example pair", ak + "IOSFODNN7EXAMPLE,wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
                Arguments.of("placeholder run", "key = '" + ak + "XXXXXXXXXXXXXXXX'"),
                Arguments.of("placeholder with secret placeholder", ak + "XXXXXXXXXXXXXXXX,xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
                Arguments.of("sequential placeholder", ak + "ABCDEFGHIJKLMNOP"),
                Arguments.of("IAM user ID", "UserId: " + F.keyId("AI" + "DA")),
                Arguments.of("IAM role ID", "RoleId: " + F.keyId("AR" + "OA")),
                Arguments.of("IAM policy ID", "PolicyId: " + F.keyId("AN" + "PA")),
                Arguments.of("git SHA near a secret name", "secret_commit = da39a3ee5e6b4b0d3255bfef95601890afd80709"),
                Arguments.of("git SHA next to a key ID line", "# " + ak + "XXXXXXXXXXXXXXXX\ncommit 9fceb02d0ae598e95dc970b74767f19372d61af8"),
                Arguments.of("sha256 digest", "secret_sha256: 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"),
                Arguments.of("sha512 integrity", "\"integrity\": \"sha512-" + "z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg==\""),
                Arguments.of("base64 image", "<img src=\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk" + ak
                        + "QWERTYUIOPASDFGHJKLZXCVBNMqwertyuiopasdfghjkl1234567890ABCDEFGH\">"),
                Arguments.of("key-shaped run inside a data URI", "<img src=\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB+"
                        + F.keyId() + "/CAYAAAAfFcSJAAAADUlEQVR42mNkqwertyuiopasdfghjkl1234567890\">"),
                Arguments.of("env reference", "aws_secret_access_key = ${AWS_SECRET_ACCESS_KEY}"),
                Arguments.of("os.environ", "secret = os.environ[\"AWS_SECRET_ACCESS_KEY\"]"),
                Arguments.of("getenv", "String secret = System.getenv(\"AWS_SECRET_ACCESS_KEY\");"),
                Arguments.of("over-long run with a prefix", "X" + ak + "QWERTYUIOPASDFGH and " + ak + "QWERTYUIOPASDFGHJKL"),
                Arguments.of("non-base32 digits", ak + "1234567890QWERTY"),
                Arguments.of("PEM header without a key", "Paste the -----BEGIN RSA PRIVATE KEY----- block here"),
                Arguments.of("public key", "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo\n"),
                Arguments.of("session token placeholder", "aws_session_token = <your-session-token>"),
                Arguments.of("secret name with a short value", "secret = \"hunter2\""),
                Arguments.of("XML element with a short value", "<SecretAccessKey>placeholder</SecretAccessKey>"),
                Arguments.of("blank-separated name with an env reference", "aws configure set aws_secret_access_key $AWS_SECRET"),
                Arguments.of("prose after a secret's name", "The secret key is stored in Parameter Store under /lab/keys"),
                Arguments.of("Hadoop property naming a provider", "<name>fs.s3a.secret.key</name>\n<value>${env.S3_SECRET}</value>"));
    }

    /** A URL after a key ID ("s3://...", 40 characters with "//") is not taken for its secret. */
    @Test
    void aUrlNextToAKeyIdIsNotASecret() {
        String path = "//Labdata2024Bucket/RawImagesStudy9XYZab";
        assertThat(path).hasSize(40);
        assertThat(detector.scan("key " + KEY + "\nsource = s3:" + path + "\n")).extracting(Match::rule)
                .containsExactly(Rule.AWS_ACCESS_KEY_ID);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mustNotFlag")
    void ignoresLookAlikes(String name, String text) {
        assertThat(detector.scan(text)).isEmpty();
    }

    @Test
    void reportsLineAndColumn() {
        String text = "first\nsecond line\n  key = \"" + KEY + "\"\n";
        List<Match> found = detector.scan(text);
        assertThat(found).singleElement().satisfies(m -> {
            assertThat(m.line()).isEqualTo(3);
            assertThat(m.column()).isEqualTo(10);
            assertThat(m.shown()).isEqualTo(KEY.substring(0, 4) + "…" + KEY.substring(16));
        });
    }

    @Test
    void inlineAllowSkipsOnlyThatLine() {
        String text = "a = '" + KEY + "'  # labcloud:allow (a revoked demo key)\nb = '" + F.keyId() + "'\n";
        assertThat(detector.scan(text)).extracting(Match::line).containsExactly(2);
    }

    @Test
    void aLongMinifiedLineIsFine() {
        String line = "var a='x';".repeat(200_000) + "k='" + KEY + "';" + "token='abc';".repeat(10_000);
        assertThat(detector.scan(line)).extracting(Match::rule).containsExactly(Rule.AWS_ACCESS_KEY_ID);
    }
}
