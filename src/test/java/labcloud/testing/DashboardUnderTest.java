package labcloud.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import labcloud.cli.Main;
import labcloud.core.Environment;
import labcloud.core.Json;

/** `labcloud dashboard` run in-process on its own thread, as a user starts it, until its first scheduled refresh is done. */
public final class DashboardUnderTest {
    private static final Pattern ADDRESS = Pattern.compile("Dashboard: (http://\\S+/)");
    private static final Duration DEADLINE = Duration.ofMinutes(5);

    private DashboardUnderTest() {}

    /**
     * Starts the dashboard on a free loopback port, waits (through its /api/status) until the refresh
     * it runs on start has finished, then stops it like Ctrl-C. Fails if the refresh failed.
     */
    public static void refreshOnce(Environment env) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread t = new Thread(() -> exit.set(Main.execute(env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), "dashboard", "--port", "0")), "dashboard-under-test");
        t.start();
        try {
            JsonNode refresh = awaitRefresh(t, out, err);
            assertThat(refresh.path("lastError").isNull()).as("refresh failed: " + refresh).isTrue();
        } finally {
            t.interrupt();
            t.join(30_000);
        }
        assertThat(t.isAlive()).isFalse();
        assertThat(exit.get()).as("stderr: " + err).isZero();
    }

    private static JsonNode awaitRefresh(Thread t, ByteArrayOutputStream out, ByteArrayOutputStream err) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        URI base = null;
        while (System.nanoTime() < deadline && t.isAlive()) {
            if (base == null) {
                Matcher m = ADDRESS.matcher(out.toString(StandardCharsets.UTF_8));
                if (m.find()) base = URI.create(m.group(1));
            } else {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/status")).build(),
                        HttpResponse.BodyHandlers.ofString());
                JsonNode refresh = Json.MAPPER.readTree(r.body()).path("refresh");
                if (!refresh.path("lastSuccess").isNull() || !refresh.path("lastError").isNull()) return refresh;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the dashboard's refresh did not finish within " + DEADLINE + "; stdout: " + out + " stderr: " + err);
    }
}
