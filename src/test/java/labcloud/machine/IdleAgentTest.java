package labcloud.machine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import labcloud.core.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The idle agent's decision, for real: the agent script as shipped in the user data, run with
 * python3 against a real Jupyter server (an idle kernel, a busy one), a real sshd with clients
 * with and without a terminal, and the instance metadata tag format (served by WireMock on
 * loopback). Only the final shutdown command is replaced: it touches a file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdleAgentTest {
    @TempDir
    static Path tmp;

    private LocalJupyter jupyter;
    private LocalSshd sshd;
    private WireMockServer imds;
    private Path agent;
    private Path state;
    private Path shutdownMarker;
    private int closedPort;

    @BeforeAll
    void servers() throws Exception {
        jupyter = new LocalJupyter(Files.createDirectories(tmp.resolve("jupyter")));
        sshd = new LocalSshd(Files.createDirectories(tmp.resolve("sshd")));
        imds = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        imds.start();
        agent = tmp.resolve("labcloud-idle-agent");
        Files.writeString(agent, UserData.agent());
        Files.writeString(tmp.resolve("token"), jupyter.token + "\n");
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort(); // nothing listens here once the socket is closed
        }
    }

    @AfterAll
    void stop() {
        if (jupyter != null) jupyter.close();
        if (sshd != null) sshd.close();
        if (imds != null) imds.stop();
    }

    @BeforeEach
    void freshState() throws Exception {
        state = Files.createTempDirectory(tmp, "state");
        shutdownMarker = state.resolve("shutdown-called");
        imds.resetAll();
        jupyter.shutdownKernels();
    }

    /** The agent as the timer runs it, idle-stop in minutes; returns its one-line JSON status. */
    private JsonNode runAgent(double idleMinutes, Map<String, String> extra) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv("PATH"));
        env.put("LABCLOUD_IDLE_CONFIG", tmp.resolve("no-such.conf").toString());
        env.put("LABCLOUD_IDLE_IDLE_MINUTES", Double.toString(idleMinutes));
        env.put("LABCLOUD_IDLE_JUPYTER_URL", jupyter.url());
        env.put("LABCLOUD_IDLE_TOKEN_FILE", tmp.resolve("token").toString());
        env.put("LABCLOUD_IDLE_SSH_PORT", Integer.toString(sshd.port));
        // the build machine is shared and busy: CPU load is tested on its own below
        env.put("LABCLOUD_IDLE_LOAD_THRESHOLD", "100000");
        env.put("LABCLOUD_IDLE_STATE_DIR", state.toString());
        env.put("LABCLOUD_IDLE_IMDS_URL", "http://127.0.0.1:" + closedPort);
        env.put("LABCLOUD_IDLE_SHUTDOWN_COMMAND", "touch " + shutdownMarker);
        env.putAll(extra);
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", agent.toString());
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out + err).isZero();
        assertThat(err).isEmpty();
        System.out.println("idle agent: " + out.strip());
        JsonNode status = Json.MAPPER.readTree(out);
        assertThat(Files.readString(state.resolve("status.json")).strip()).isEqualTo(out.strip());
        return status;
    }

    /** Last activity long ago, as if the machine had been unused for two hours. */
    private void unusedForTwoHours() throws Exception {
        Files.writeString(state.resolve("last-active"), (Instant.now().getEpochSecond() - 7200) + "\n");
    }

    /** An idle-stop window of 3 s, after a pause longer than it, so that recent kernel activity is past. */
    private static final double WINDOW_MINUTES = 0.05;

    private static void pastTheWindow() throws InterruptedException {
        Thread.sleep(3500);
    }

    @Test
    void idleKernelAndNothingElseStopsTheMachine() throws Exception {
        String kernel = jupyter.startKernel();
        pastTheWindow();
        unusedForTwoHours();
        JsonNode s = runAgent(WINDOW_MINUTES, Map.of());
        assertThat(s.get("decision").asText()).isEqualTo("stop");
        assertThat(s.get("reasons")).isEmpty();
        assertThat(s.get("notes").toString()).contains("jupyter: ").contains("kernels");
        assertThat(Files.exists(shutdownMarker)).isTrue();
        assertThat(jupyter.state(kernel)).isEqualTo("idle");
    }

    @Test
    void aBusyKernelKeepsItRunning() throws Exception {
        String kernel = jupyter.startKernel();
        var ws = jupyter.execute(kernel, "import time\ntime.sleep(45)");
        try {
            jupyter.awaitState(kernel, "busy", Duration.ofSeconds(30));
            pastTheWindow();
            unusedForTwoHours();
            JsonNode s = runAgent(WINDOW_MINUTES, Map.of());
            assertThat(s.get("decision").asText()).isEqualTo("busy");
            assertThat(s.get("reasons").toString()).contains("jupyter kernel python3 " + kernel.substring(0, 8) + " is busy");
            assertThat(Files.exists(shutdownMarker)).isFalse();
            // being busy resets the idle clock
            assertThat(Long.parseLong(Files.readString(state.resolve("last-active")).strip()))
                    .isGreaterThan(Instant.now().getEpochSecond() - 60);
        } finally {
            ws.abort();
        }
    }

    @Test
    void aRecentlyUsedKernelCountsWithinTheWindow() throws Exception {
        jupyter.startKernel();
        unusedForTwoHours();
        JsonNode s = runAgent(60, Map.of());
        assertThat(s.get("decision").asText()).isEqualTo("busy");
        assertThat(s.get("reasons").toString()).contains("active 0 min ago");
    }

    @Test
    void sshWithoutATerminalKeepsItRunningUntilItDisconnects() throws Exception {
        Process tunnel = sshd.connect(false);
        pastTheWindow();
        unusedForTwoHours();
        JsonNode s = runAgent(WINDOW_MINUTES, Map.of());
        assertThat(s.get("decision").asText()).isEqualTo("busy");
        assertThat(s.get("reasons").toString()).contains("1 SSH connection");
        assertThat(Files.exists(shutdownMarker)).isFalse();

        sshd.disconnect(tunnel);
        unusedForTwoHours();
        JsonNode after = runAgent(WINDOW_MINUTES, Map.of());
        assertThat(after.get("reasons").toString()).doesNotContain("SSH");
        assertThat(after.get("decision").asText()).isEqualTo("stop");
        assertThat(Files.exists(shutdownMarker)).isTrue();
    }

    @Test
    void sshWithATerminalKeepsItRunning() throws Exception {
        Process shell = sshd.connect(true);
        try {
            unusedForTwoHours();
            JsonNode s = runAgent(WINDOW_MINUTES, Map.of());
            assertThat(s.get("decision").asText()).isEqualTo("busy");
            assertThat(s.get("reasons").toString()).contains("1 SSH connection");
        } finally {
            sshd.disconnect(shell);
        }
    }

    @Test
    void theHoldTagFromInstanceMetadataPostponesTheStop() throws Exception {
        String until = Instant.now().plus(Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        imds.stubFor(put(urlEqualTo("/latest/api/token")).withHeader("X-aws-ec2-metadata-token-ttl-seconds", equalTo("60"))
                .willReturn(aResponse().withBody("imds-session-token")));
        imds.stubFor(get(urlEqualTo("/latest/meta-data/tags/instance/labcloud:hold-until"))
                .withHeader("X-aws-ec2-metadata-token", equalTo("imds-session-token")).willReturn(aResponse().withBody(until)));
        imds.stubFor(get(urlEqualTo("/latest/meta-data/tags/instance/labcloud:idle-stop"))
                .withHeader("X-aws-ec2-metadata-token", equalTo("imds-session-token")).willReturn(aResponse().withBody("90")));
        pastTheWindow();
        unusedForTwoHours();
        // a real instance's metadata service answers in milliseconds; the stub on a loaded build machine may not
        Map<String, String> withImds = Map.of("LABCLOUD_IDLE_IMDS_URL", imds.baseUrl(), "LABCLOUD_IDLE_IMDS_TIMEOUT", "30");
        JsonNode held = runAgent(WINDOW_MINUTES, withImds);
        assertThat(held.get("decision").asText()).isEqualTo("busy");
        assertThat(held.get("reasons").toString()).contains("held until " + until);
        // the labcloud:idle-stop tag overrides the configured minutes
        assertThat(held.get("idleStopMinutes").asDouble()).isEqualTo(90.0);

        // a hold in the past is no hold
        imds.stubFor(get(urlEqualTo("/latest/meta-data/tags/instance/labcloud:hold-until"))
                .willReturn(aResponse().withBody("2020-01-01T00:00:00Z")));
        imds.stubFor(get(urlEqualTo("/latest/meta-data/tags/instance/labcloud:idle-stop")).willReturn(aResponse().withStatus(404)));
        unusedForTwoHours();
        JsonNode expired = runAgent(WINDOW_MINUTES, withImds);
        assertThat(expired.get("reasons").toString()).doesNotContain("held");
    }

    @Test
    void cpuLoadCountsAsUse() throws Exception {
        unusedForTwoHours();
        JsonNode s = runAgent(WINDOW_MINUTES, Map.of("LABCLOUD_IDLE_LOAD_THRESHOLD", "0"));
        assertThat(s.get("decision").asText()).isEqualTo("busy");
        assertThat(s.get("reasons").toString()).contains("CPU load");
    }

    @Test
    void idleButNotForLongEnoughWaits() throws Exception {
        Files.writeString(state.resolve("last-active"), (Instant.now().getEpochSecond() - 600) + "\n");
        JsonNode s = runAgent(60, Map.of("LABCLOUD_IDLE_JUPYTER_URL", "http://127.0.0.1:" + closedPort));
        assertThat(s.get("decision").asText()).isEqualTo("idle");
        assertThat(s.get("idleMinutes").asInt()).isEqualTo(10);
        assertThat(s.get("notes").toString()).contains("jupyter: not reachable");
        assertThat(Files.exists(shutdownMarker)).isFalse();
    }
}
