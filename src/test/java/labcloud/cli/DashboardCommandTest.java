package labcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import labcloud.core.Environment;
import labcloud.testing.CliResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `labcloud dashboard` run in-process: it prints its address, serves, and stops when interrupted (Ctrl-C). */
class DashboardCommandTest {
    private static final Pattern ADDRESS = Pattern.compile("Dashboard: (http://\\S+/)");
    private final HttpClient http = HttpClient.newHttpClient();

    /** A running `labcloud dashboard ...` on its own thread, with what it printed so far. */
    private record Running(Thread thread, ByteArrayOutputStream out, ByteArrayOutputStream err, AtomicInteger exit) {
        URI awaitAddress() throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                Matcher m = ADDRESS.matcher(out.toString(StandardCharsets.UTF_8));
                if (m.find()) return URI.create(m.group(1));
                if (!thread.isAlive()) break;
                Thread.sleep(20);
            }
            throw new AssertionError("no address printed; stdout: " + out + " stderr: " + err);
        }

        int stop() throws InterruptedException {
            thread.interrupt();
            thread.join(10_000);
            assertThat(thread.isAlive()).isFalse();
            assertThat(exit.get()).as("stderr: " + err).isZero();
            return exit.get();
        }
    }

    private static Running start(Path home, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AtomicInteger exit = new AtomicInteger(-1);
        Environment env = Environment.of(Map.of("HOME", home.toString(), "AWS_ACCESS_KEY_ID", "testing",
                "AWS_SECRET_ACCESS_KEY", "testing-secret-key", "AWS_REGION", "us-east-1"));
        Thread t = new Thread(() -> exit.set(Main.execute(env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args)), "dashboard-under-test");
        t.start();
        return new Running(t, out, err, exit);
    }

    @Test
    void servesOnLoopbackUntilStopped(@TempDir Path home) throws Exception {
        Running r = start(home, "dashboard", "--port", "0", "--refresh", "off");
        URI base = r.awaitAddress();
        assertThat(base.getHost()).isEqualTo("127.0.0.1");
        HttpResponse<String> status = http.send(HttpRequest.newBuilder(base.resolve("/api/status")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("\"snapshot\":null");
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(base).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("The store holds no inventory snapshot yet");
        assertThat(r.stop()).isZero();
        assertThat(Files.exists(home.resolve(".labcloud/labcloud.db"))).isTrue();
    }

    @Test
    void beyondLoopbackTheTokenIsCreatedShownOnceAndRequired(@TempDir Path home) throws Exception {
        Running first = start(home, "dashboard", "--bind", "0.0.0.0", "--port", "0", "--refresh", "off");
        URI base = first.awaitAddress();
        String printed = first.out().toString(StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("\\n  (lcd_[A-Za-z0-9_-]{43})\\n").matcher(printed);
        assertThat(m.find()).as(printed).isTrue();
        String token = m.group(1);
        Path file = home.resolve(".labcloud/dashboard-token");
        assertThat(Files.readString(file)).doesNotContain(token);
        URI local = URI.create("http://127.0.0.1:" + base.getPort() + "/api/status");
        assertThat(http.send(HttpRequest.newBuilder(local).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        assertThat(http.send(HttpRequest.newBuilder(local).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(first.stop()).isZero();

        // The second start reuses the stored hash and never shows a token again.
        Running second = start(home, "dashboard", "--bind", "0.0.0.0", "--port", "0", "--refresh", "off");
        URI again = second.awaitAddress();
        assertThat(second.out().toString(StandardCharsets.UTF_8)).doesNotContain(token).doesNotContain("lcd_");
        URI local2 = URI.create("http://127.0.0.1:" + again.getPort() + "/api/status");
        assertThat(http.send(HttpRequest.newBuilder(local2).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(second.stop()).isZero();
    }

    @Test
    void badOptionsAreOneLineAndExitTwo(@TempDir Path home) throws Exception {
        Environment env = Environment.of(Map.of("HOME", home.toString()));
        CliResult refresh = CliResult.run(env, "dashboard", "--refresh", "5x");
        assertThat(refresh.exitCode()).isEqualTo(2);
        assertThat(refresh.stderr().strip()).isEqualTo("labcloud: --refresh: expected a duration such as 15m, 1h or 90s, or 'off', not '5x'");
        CliResult bind = CliResult.run(env, "dashboard", "--bind", "no-such-host.invalid", "--refresh", "off");
        assertThat(bind.exitCode()).isEqualTo(2);
        assertThat(bind.stderr()).contains("--bind: unknown host or address 'no-such-host.invalid'");
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CliResult busy = CliResult.run(env, "dashboard", "--port", String.valueOf(taken.getLocalPort()), "--refresh", "off");
            assertThat(busy.exitCode()).as(busy.toString()).isEqualTo(2);
            assertThat(busy.stderr().strip().lines().count()).isEqualTo(1);
            assertThat(busy.stderr()).contains("--port " + taken.getLocalPort() + ": cannot listen on 127.0.0.1");
        }
        Files.createDirectories(home.resolve(".labcloud"));
        Files.writeString(home.resolve(".labcloud/dashboard-token"), "oops\n");
        CliResult damaged = CliResult.run(env, "dashboard", "--bind", "0.0.0.0", "--refresh", "off");
        assertThat(damaged.exitCode()).isEqualTo(2);
        assertThat(damaged.stderr()).contains("dashboard-token: line 1: expected 'sha256:'");
    }
}
