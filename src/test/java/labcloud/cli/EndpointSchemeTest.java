package labcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import labcloud.core.Environment;
import labcloud.testing.CliResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Endpoints that are not http(s) URLs with a valid port are refused (exit 2) before anything is
 * sent: a loopback listener counts the connections a mistaken fallback to plain http would make.
 */
class EndpointSchemeTest {
    private ServerSocket listener;
    private final AtomicInteger connections = new AtomicInteger();
    private Path home;

    @BeforeEach
    void listen() throws Exception {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        home = Files.createTempDirectory("labcloud-endpoint-");
        Thread.ofVirtual().start(() -> {
            while (!listener.isClosed()) {
                try (Socket s = listener.accept()) {
                    connections.incrementAndGet();
                } catch (Exception e) {
                    return;
                }
            }
        });
    }

    @AfterEach
    void close() throws Exception {
        listener.close();
    }

    private Map<String, String> vars() {
        Map<String, String> v = new HashMap<>();
        v.put("HOME", home.toString());
        v.put("AWS_ACCESS_KEY_ID", "AKIAEXAMPLEEXAMPLE12");
        v.put("AWS_SECRET_ACCESS_KEY", "not-a-real-secret-key-for-this-test");
        v.put("AWS_SESSION_TOKEN", "session-token-that-must-not-travel-in-clear");
        v.put("AWS_REGION", "us-east-1");
        return v;
    }

    private void assertRefused(CliResult r, String names) {
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.stderr().strip().lines().count()).as(r.toString()).isEqualTo(1);
        assertThat(r.stderr()).contains(names);
        assertThat(connections.get()).as("connections made").isZero();
    }

    @Test
    void aMistypedOrForeignSchemeOnTheCommandLineIsRefusedBeforeAnyRequest() {
        int port = listener.getLocalPort();
        for (String url : new String[] {"htps://127.0.0.1:" + port, "ftp://127.0.0.1:" + port, "ws://127.0.0.1:" + port,
                "http://127.0.0.1:0", "http://127.0.0.1:70000", "127.0.0.1:" + port}) {
            CliResult r = CliResult.run(Environment.of(vars()), "--endpoint-url", url, "ls", "s3://bucket");
            assertRefused(r, "--endpoint-url");
        }
    }

    @Test
    void environmentVariablesAndTheProfileAreCheckedTheSameWay() throws Exception {
        int port = listener.getLocalPort();
        for (String var : new String[] {"AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3"}) {
            Map<String, String> v = vars();
            v.put(var, "htps://127.0.0.1:" + port);
            assertRefused(CliResult.run(Environment.of(v), "ls", "s3://bucket"), var);
        }
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), "[default]\nendpoint_url = ftp://127.0.0.1:" + port + "\n");
        assertRefused(CliResult.run(Environment.of(vars()), "ls", "s3://bucket"), "endpoint_url");
    }

    @Test
    void aRemotesFileWithAForeignSchemeIsRefusedAndRemoteAddChecksToo() throws Exception {
        int port = listener.getLocalPort();
        Files.createDirectories(home.resolve(".labcloud"));
        Files.writeString(home.resolve(".labcloud/remotes.yaml"), "odd:\n  endpoint: \"htps://127.0.0.1:" + port + "\"\n  compat: true\n");
        assertRefused(CliResult.run(Environment.of(vars()), "ls", "odd:bucket/x"), "remotes.yaml");
        Files.delete(home.resolve(".labcloud/remotes.yaml"));
        assertRefused(CliResult.run(Environment.of(vars()), "remote", "add", "other", "--endpoint", "ftp://127.0.0.1:" + port),
                "--endpoint");
        CliResult secret = CliResult.run(Environment.of(vars()), "remote", "add", "other", "--endpoint",
                "ftp://user:hunter2@127.0.0.1:" + port);
        assertRefused(secret, "--endpoint");
        assertThat(secret.stderr()).doesNotContain("hunter2");
    }
}
