package labcloud.creds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import labcloud.testing.CliResult;
import labcloud.testing.Moto;
import labcloud.testing.TestLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@ExtendWith(Moto.class)
class CredsImportTest {
    static final String KEY = FakeKeys.keyId("import1");
    static final String SECRET = FakeKeys.secret("import1");

    /** A credentials file as people really have them: comments, 5 profiles, odd spacing, nested values. */
    static final String EXISTING = """
            # my keys -- do not share
            [default]
            aws_access_key_id=DEFAULTKEYID0000
            aws_secret_access_key = default-secret-value-0000

            ; lab account
            [lab]
            aws_access_key_id = LABKEYID00000000
            aws_secret_access_key = lab-secret-value-00000000
            region=eu-west-1

            [old]
            aws_access_key_id = OLDKEYID00000000
            aws_secret_access_key = old-secret-value-00000000
            [ci]
            aws_access_key_id  =  CIKEYID000000000
            aws_secret_access_key  =  ci-secret-value-000000000
            # trailing comment in ci
            [personal]
            aws_access_key_id = PERSONALKEYID000
            aws_secret_access_key = personal-secret-value-000""";

    private static Path awsDir(TestLab lab) throws Exception {
        return Files.createDirectories(lab.home().resolve(".aws"));
    }

    private static Path csv(TestLab lab, String name, byte[] content) throws Exception {
        Path f = lab.home().resolve(name);
        Files.write(f, content);
        return f;
    }

    private static Path csv(TestLab lab, String name, String content) throws Exception {
        return csv(lab, name, content.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertNoSecret(CliResult r, String... secrets) {
        for (String s : secrets) {
            assertThat(r.stdout()).doesNotContain(s);
            assertThat(r.stderr()).doesNotContain(s);
        }
    }

    @Test
    void accessKeysCsvWithBomAndCrlfIsReadByTheAwsCli(TestLab lab) throws Exception {
        Path f = csv(lab, "accessKeys.csv", "\uFEFFAccess key ID,Secret access key\r\n" + KEY + "," + SECRET + "\r\n");
        CliResult r = lab.run("creds", "import", f.toString(), "--profile", "lab", "--region", "eu-central-1",
                "--output", "json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertNoSecret(r, SECRET, KEY);
        assertThat(r.stdout()).contains("\"profile\" : \"lab\"").contains("AKIA…");
        assertThat(r.stderr()).contains("still holds the secret").contains("--delete-csv");
        assertThat(f).exists(); // never deleted silently

        Path creds = lab.home().resolve(".aws/credentials");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(creds))).isEqualTo("rw-------");
        assertThat(AwsCli.run(lab.home(), "configure", "get", "aws_access_key_id", "--profile", "lab").stdout().strip())
                .isEqualTo(KEY);
        assertThat(AwsCli.run(lab.home(), "configure", "get", "region", "--profile", "lab").stdout().strip())
                .isEqualTo("eu-central-1");
        CliResult sts = AwsCli.run(lab.home(), "sts", "get-caller-identity", "--profile", "lab",
                "--endpoint-url", lab.moto().endpoint().toString());
        assertThat(sts.exitCode()).as(sts.toString()).isZero();
        assertThat(sts.stdout()).contains("\"Account\"");
    }

    @Test
    void credentialsCsvWithSeveralUsersAndQuotedFieldsNeedsUser(TestLab lab) throws Exception {
        String bob = FakeKeys.keyId("bob");
        String bobSecret = FakeKeys.secret("bob");
        String content = "User name,Password,Access key ID,Secret access key,Console login link\n"
                + "alice,\"pa,ss\"\"word\"," + KEY + "," + SECRET + ",https://123456789012.signin.aws.amazon.com/console\n"
                + "\"bob\",\"multi\nline\",\"" + bob + "\",\"" + bobSecret + "\",\"https://x.example/console\"\n"
                + "carol,nokeys,,,https://x.example/console\n";
        Path f = csv(lab, "credentials.csv", content);
        CliResult ambiguous = lab.run("creds", "import", f.toString(), "--profile", "p");
        assertThat(ambiguous.exitCode()).isEqualTo(2);
        assertThat(ambiguous.stderr().strip().lines()).hasSize(1);
        assertThat(ambiguous.stderr()).contains("alice").contains("bob").contains("--user");
        assertThat(lab.home().resolve(".aws/credentials")).doesNotExist();

        CliResult r = lab.run("creds", "import", f.toString(), "--profile", "p", "--user", "bob", "--delete-csv");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertNoSecret(r, SECRET, bobSecret, "pa,ss");
        assertThat(f).doesNotExist();
        assertThat(AwsCli.run(lab.home(), "configure", "get", "aws_secret_access_key", "--profile", "p").stdout().strip())
                .isEqualTo(bobSecret);
    }

    @Test
    void existingFileWithCommentsAndFiveProfilesOnlyGainsTheNewSection(TestLab lab) throws Exception {
        for (String eol : new String[] {"\n", "\r\n"}) {
            String original = EXISTING.replace("\n", eol);
            Path creds = awsDir(lab).resolve("credentials");
            Files.writeString(creds, original);
            Path f = csv(lab, "accessKeys.csv", "Access key ID,Secret access key\n\"" + KEY + "\",\"" + SECRET + "\"\n");
            CliResult r = lab.run("creds", "import", f.toString(), "--profile", "new");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            String expected = original + eol + eol + "[new]" + eol + "aws_access_key_id = " + KEY + eol
                    + "aws_secret_access_key = " + SECRET + eol;
            assertThat(Files.readString(creds)).isEqualTo(expected);
            assertThat(Files.readString(creds.resolveSibling("credentials.bak"))).isEqualTo(original);
            Files.delete(creds);
        }
    }

    @Test
    void existingProfileNeedsForceAndIsReplacedInPlace(TestLab lab) throws Exception {
        Path creds = awsDir(lab).resolve("credentials");
        Files.writeString(creds, EXISTING);
        Path f = csv(lab, "accessKeys.csv", "Access key ID,Secret access key\n" + KEY + "," + SECRET + "\n");
        CliResult refused = lab.run("creds", "import", f.toString(), "--profile", "lab");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.stderr()).contains("already exists").contains("--force");
        assertThat(Files.readString(creds)).isEqualTo(EXISTING);

        CliResult r = lab.run("creds", "import", f.toString(), "--profile", "lab", "--force");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Files.readString(creds)).isEqualTo(EXISTING
                .replace("aws_access_key_id = LABKEYID00000000", "aws_access_key_id = " + KEY)
                .replace("aws_secret_access_key = lab-secret-value-00000000", "aws_secret_access_key = " + SECRET));
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("missing column", "User name,Access key ID\nalice," + KEY + "\n", "line 1: missing column 'Secret access key'"),
                Arguments.of("empty secret", "Access key ID,Secret access key\n" + KEY + ",\n", "line 2, field 'Secret access key': empty"),
                Arguments.of("wrong header", "id,secret\n" + KEY + "," + SECRET + "\n", "line 1: not an AWS console key file"),
                Arguments.of("no header", KEY + "," + SECRET + "\n", "line 1: not an AWS console key file"),
                Arguments.of("short row", "Access key ID,Secret access key\n" + KEY + "\n", "line 2: expected 2 fields"),
                Arguments.of("bad key id", "Access key ID,Secret access key\nnot-a-key," + SECRET + "\n", "not an access key ID"),
                Arguments.of("unterminated quote", "Access key ID,Secret access key\n\"" + KEY + "," + SECRET + "\n", "unterminated quoted field"),
                Arguments.of("empty file", "", "the file is empty"),
                Arguments.of("binary", null, "binary file"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedCsvIsExitTwoWithOneLineAndFilesUntouched(String what, String content, String message, TestLab lab)
            throws Exception {
        Path aws = awsDir(lab);
        Files.writeString(aws.resolve("credentials"), EXISTING);
        Files.writeString(aws.resolve("config"), "[default]\nregion = us-east-1\n");
        byte[] bytes = content != null ? content.getBytes(StandardCharsets.UTF_8)
                : new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0};
        Path f = csv(lab, "accessKeys.csv", bytes);
        CliResult r = lab.run("creds", "import", f.toString(), "--profile", "new", "--region", "eu-west-1");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.stderr().strip().lines()).as(r.toString()).hasSize(1);
        assertThat(r.stderr()).contains(f.toString()).contains(message);
        assertThat(r.stdout()).isEmpty();
        assertNoSecret(r, SECRET);
        assertThat(Files.readString(aws.resolve("credentials"))).isEqualTo(EXISTING);
        assertThat(Files.readString(aws.resolve("config"))).isEqualTo("[default]\nregion = us-east-1\n");
        assertThat(aws.resolve("credentials.bak")).doesNotExist();
        assertThat(f).exists();
    }
}
