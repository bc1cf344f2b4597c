package labcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import labcloud.core.Environment;
import labcloud.testing.CliResult;
import org.junit.jupiter.api.Test;

/** Nothing listens at the endpoint: nothing can succeed, so it is a failure (exit 5), and it says so quickly. */
class RefusedConnectionTest {
    @Test
    void aRefusedConnectionIsAQuickFailureNotAPartialResult() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Environment env = Environment.of(Map.of("HOME", Files.createTempDirectory("labcloud-home-").toString(),
                "AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing", "AWS_REGION", "us-east-1",
                "AWS_ENDPOINT_URL", "http://127.0.0.1:" + port));
        // The first command in this JVM also pays for loading the SDK: time the second.
        CliResult whoami = CliResult.run(env, "creds", "whoami");
        assertThat(whoami.exitCode()).as(whoami.toString()).isEqualTo(5);
        long t0 = System.nanoTime();
        CliResult r = CliResult.run(env, "inventory", "--regions", "us-east-1,eu-west-1");
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
        assertThat(r.stderr()).as(r.toString()).contains("refused").hasLineCount(1);
        assertThat(took).as("took " + took).isLessThan(Duration.ofSeconds(10));
    }
}
