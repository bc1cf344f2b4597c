package labcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import labcloud.demo.MotoServer;
import labcloud.testing.CliProcess;
import labcloud.testing.CliResult;
import labcloud.testing.Moto;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs real labcloud processes with known secrets in the environment and in ~/.aws/credentials,
 * and checks that no secret reaches stdout, stderr or labcloud's own files, even with --verbose
 * and on error paths.
 */
@ExtendWith(Moto.class)
class SecretsNeverPrintedTest {
    static final String ENV_SECRET = "EnvSecretZq3vT8sN1pLk4mR7xW2yB5cD9eF0gH6j";
    static final String FILE_SECRET = "FileSecretQ9wE8rT7yU6iO5pA4sD3fG2hJ1kL0zX";
    static final String FILE_TOKEN = "IQoJb3JpZ2luX2VjFileSessionTokenValueThatIsLong0123456789";

    static Stream<List<String>> commands() {
        return Stream.of(
                List.of("--verbose", "demo", "--no-serve"),
                List.of("--profile", "leaky", "--verbose", "demo", "--no-serve", "--bogus"),
                List.of("--profile", "leaky", "--verbose", "dashboard", "--refresh", "never"),
                List.of("--profile", "leaky", "--endpoint-url", "http://127.0.0.1:1", "demo", "--no-serve"),
                List.of("--profile", "imported", "--verbose", "creds", "import", "accessKeys.csv"),
                List.of("--profile", "leaky", "--verbose", "--output", "json", "creds", "whoami"),
                List.of("--profile", "leaky", "--verbose", "creds", "mfa", "--code", "123456"),
                List.of("--profile", "leaky", "--verbose", "creds", "rotate", "--apply"),
                List.of("--profile", "leaky", "--verbose", "--output", "json", "creds", "doctor"),
                List.of("--profile", "leaky", "--verbose", "trail", "--regions", "us-east-1", "--since", "1d"),
                // scan reads ~/.aws/credentials (the working directory is HOME) and reports it, redacted
                List.of("--verbose", "scan", "--all-files"),
                List.of("scan", "--format", "sarif", "--verify", "--endpoint-url", "http://127.0.0.1:1"),
                List.of("--profile", "leaky", "--verbose", "sync", "s3://no-such-bucket/data", "out"),
                List.of("--profile", "leaky", "--endpoint-url", "http://127.0.0.1:1", "--verbose", "cp", "s3://lab-bucket/x.bin", "x.bin"),
                List.of("--verbose", "ls", "s3://no-such-bucket/"));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void noSecretInAnyOutput(List<String> args, MotoServer moto) throws Exception {
        Path home = Files.createTempDirectory("labcloud-secrets-");
        Path aws = Files.createDirectories(home.resolve(".aws"));
        Files.writeString(aws.resolve("credentials"), "[leaky]\naws_access_key_id = leakykeyid\naws_secret_access_key = "
                + FILE_SECRET + "\naws_session_token = " + FILE_TOKEN + "\n");
        Files.writeString(home.resolve("accessKeys.csv"), "Access key ID,Secret access key\nLEAKYKEYID000000," + FILE_SECRET + "\n");
        Map<String, String> env = Moto.envFor(moto, home);
        env.put("AWS_SECRET_ACCESS_KEY", ENV_SECRET);
        CliResult r = CliProcess.run(env, home, args.toArray(String[]::new));
        assertThat(r.stdout() + r.stderr()).as(r.toString()).isNotBlank();
        for (String secret : List.of(ENV_SECRET, FILE_SECRET, FILE_TOKEN)) {
            assertThat(r.stdout()).doesNotContain(secret);
            assertThat(r.stderr()).doesNotContain(secret);
        }
        Path labcloudDir = home.resolve(".labcloud");
        if (Files.exists(labcloudDir)) {
            try (var files = Files.walk(labcloudDir)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    // bytes as Latin-1, so that databases and the SQLite library are searched too
                    String content = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1);
                    assertThat(content).as(f.toString()).doesNotContain(ENV_SECRET).doesNotContain(FILE_SECRET);
                }
            }
        }
    }
}
