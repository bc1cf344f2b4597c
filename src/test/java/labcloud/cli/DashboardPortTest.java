package labcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import labcloud.testing.CliProcess;
import labcloud.testing.CliResult;
import org.junit.jupiter.api.Test;

/** A port already taken is bad input: one line on stderr (no library log line), exit 2. */
class DashboardPortTest {
    @Test
    void aPortInUseIsOneClearLine() throws Exception {
        Path home = Files.createTempDirectory("labcloud-home-");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            CliResult r = CliProcess.run(Map.of("HOME", home.toString(), "PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"),
                    "AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing", "AWS_REGION", "us-east-1",
                    "AWS_ENDPOINT_URL", "http://127.0.0.1:9", "AWS_EC2_METADATA_DISABLED", "true"), home,
                    "dashboard", "--port", String.valueOf(port));
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
            // The JVM's own notice about native access (SQLite's library) is not labcloud's output.
            assertThat(r.stderr().lines().filter(l -> !l.startsWith("WARNING: ") && !l.isBlank()).toList()).as(r.toString()).singleElement().satisfies(line ->
                    assertThat(line).startsWith("labcloud: --port " + port + ": cannot listen on"));
        }
    }
}
