package labcloud.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * DNS rebinding and open redirects against the real running dashboard, with raw HTTP requests
 * whose Host header a browser on a rebound name would send.
 */
class DashboardHostCheckTest {
    private DashboardServer server;
    private Refresher refresher;

    @AfterEach
    void stop() {
        if (server != null) server.close();
        if (refresher != null) refresher.close();
    }

    private int start(AccessToken token, List<String> allowed) {
        refresher = new Refresher(null, SampleLab::data, Duration.ofMinutes(15), Clock.systemUTC());
        refresher.start();
        server = new DashboardServer(refresher, "127.0.0.1", token).allowHosts(allowed).start(0);
        return server.port();
    }

    /** The status line and headers (and body) of one raw request; host null sends none (HTTP/1.0). */
    private static String raw(int port, String target, String host, String... extraHeaders) throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(10_000);
            StringBuilder req = new StringBuilder("GET " + target + (host == null ? " HTTP/1.0\r\n" : " HTTP/1.1\r\nHost: " + host + "\r\n"));
            for (String h : extraHeaders) req.append(h).append("\r\n");
            req.append("Connection: close\r\n\r\n");
            OutputStream out = s.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static int status(String answer) {
        return Integer.parseInt(answer.substring(9, 12));
    }

    @Test
    void onlyTheListeningAddressAndLocalhostAreAnswered() throws Exception {
        int port = start(null, List.of());
        for (String host : List.of("127.0.0.1:" + port, "localhost:" + port, "LOCALHOST:" + port, "[::1]:" + port)) {
            String a = raw(port, "/api/keys", host);
            assertThat(status(a)).as(host).isEqualTo(200);
            assertThat(a).contains("application/json");
        }
        for (String host : List.of("evil.example:" + port, "evil.example", "127.0.0.1", "127.0.0.1:1", "localhost.evil.example:" + port,
                "127.0.0.1:" + port + ".evil.example", "")) {
            for (String path : List.of("/api/keys", "/api/activity", "/", "/keys")) {
                String a = raw(port, path, host);
                // 421 from the dashboard, or 400 where the web server already refuses a malformed Host
                assertThat(status(a)).as(host + " " + path).isIn(421, 400);
                assertThat(a).as(host + " " + path).doesNotContain("AKIA").doesNotContain("accessKeyId");
            }
        }
        assertThat(status(raw(port, "/api/keys", null))).as("no Host at all").isEqualTo(421);
    }

    @Test
    void aConfiguredNameIsAnswered() throws Exception {
        int port = start(null, List.of("lab-dashboard.example.org"));
        assertThat(status(raw(port, "/api/keys", "lab-dashboard.example.org"))).isEqualTo(200);
        assertThat(status(raw(port, "/api/keys", "lab-dashboard.example.org:" + port))).isEqualTo(200);
        assertThat(status(raw(port, "/api/keys", "other.example.org:" + port))).isEqualTo(421);
    }

    @Test
    void theRedirectAfterATokenNeverLeavesTheSite() throws Exception {
        AccessToken.Issued issued = AccessToken.create(Files.createTempDirectory("labcloud-token-").resolve("dashboard-token"));
        int port = start(issued.verifier(), List.of());
        String host = "127.0.0.1:" + port;
        String ok = raw(port, "/keys?token=" + issued.token() + "&sort=age", host);
        assertThat(status(ok)).isEqualTo(303);
        assertThat(location(ok)).isEqualTo("/keys?sort=age");
        for (String target : List.of("//evil.example", "//evil.example/", "/\\evil.example", "/%2Fevil.example", "/%2F%2Fevil.example",
                "/%5Cevil.example", "/%5C%5Cevil.example", "///evil.example", "/.//evil.example")) {
            String a = raw(port, target + "?token=" + issued.token(), host);
            if (status(a) == 303) {
                String where = location(a);
                assertThat(where).as(target).startsWith("/").doesNotStartWith("//").doesNotContain("\\").doesNotContain("evil");
            } else {
                assertThat(status(a)).as(target).isBetween(400, 499);
            }
        }
    }

    private static String location(String answer) {
        return answer.lines().filter(l -> l.regionMatches(true, 0, "Location:", 0, 9)).map(l -> l.substring(9).strip())
                .findFirst().orElseThrow(() -> new AssertionError("no Location in " + answer));
    }
}
