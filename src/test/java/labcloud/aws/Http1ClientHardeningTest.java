package labcloud.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The HTTP/1.1 client against small loopback servers that break the protocol: each broken answer
 * is an I/O error with one clear line (never "arraycopy" or "For input string"), a connection
 * with bytes beyond its answer never serves another request, and answers that never end meet a
 * limit or the attempt's deadline.
 */
class Http1ClientHardeningTest {

    /** A server that answers each request on each connection with the next script, in order. */
    private static final class ScriptedServer implements AutoCloseable {
        final ServerSocket ss = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        final AtomicInteger connections = new AtomicInteger();

        interface Script {
            void answer(OutputStream out) throws Exception;
        }

        ScriptedServer(List<Script> scripts) throws IOException {
            Thread.ofVirtual().start(() -> {
                int next = 0;
                while (!ss.isClosed()) {
                    try {
                        Socket s = ss.accept();
                        connections.incrementAndGet();
                        int first = next;
                        Thread.ofVirtual().start(() -> {
                            try (s) {
                                for (int i = first; i < scripts.size(); i++) {
                                    if (!readRequest(s.getInputStream())) return;
                                    scripts.get(i).answer(s.getOutputStream());
                                    s.getOutputStream().flush();
                                }
                            } catch (Exception ignored) {
                                // the client hung up
                            }
                        });
                        next++;
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        int port() {
            return ss.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            ss.close();
        }
    }

    private static boolean readRequest(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        int b = 0;
        while (matched < 4 && (b = in.read()) >= 0) matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        return b >= 0;
    }

    private static ScriptedServer.Script text(String s) {
        return out -> out.write(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Sends one GET and reads its whole body. */
    private static String get(Http1Client http, int port) throws IOException {
        var r = http.send(false, "127.0.0.1", port, "GET", "/x", Map.of("host", "x"), null);
        try (InputStream in = r.body()) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static Http1Client client() {
        return new Http1Client(Duration.ofSeconds(2), Duration.ofSeconds(1));
    }

    private static void assertBroken(String answer, String message) throws Exception {
        try (ScriptedServer server = new ScriptedServer(List.of(text(answer)));
             Http1Client http = client()) {
            assertThatThrownBy(() -> get(http, server.port()))
                    .as(answer)
                    .isInstanceOf(HttpProtocolException.class)
                    .hasMessageContaining(message)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("arraycopy", "For input string").doesNotContain("\n"));
        }
    }

    @Test
    void badLengthsAreOneClearIoError() throws Exception {
        assertBroken("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\nabc", "bad Content-Length");
        assertBroken("HTTP/1.1 200 OK\r\nContent-Length: 12abc\r\n\r\nabc", "bad Content-Length");
        assertBroken("HTTP/1.1 200 OK\r\nContent-Length: +3\r\n\r\nabc", "bad Content-Length");
        assertBroken("HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999999\r\n\r\nabc", "bad Content-Length");
        assertBroken("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd", "conflicting Content-Length");
        assertBroken("HTTP/1.1 200 OK\r\nContent-Length: 3, 4\r\n\r\nabcd", "conflicting Content-Length");
        assertBroken("HTTP/1.1 2x0 OK\r\nContent-Length: 3\r\n\r\nabc", "status line");
    }

    @Test
    void badChunksAndHeaderLinesAreOneClearIoError() throws Exception {
        assertBroken("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n-5\r\nhello\r\n0\r\n\r\n", "bad chunk size");
        assertBroken("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n", "bad chunk size");
        assertBroken("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhelloXY\r\n0\r\n\r\n", "longer than its size");
        assertBroken("HTTP/1.1 200 OK\r\nNo colon here\r\nContent-Length: 1\r\n\r\na", "bad header line");
        assertBroken("HTTP/1.1 200 OK\r\nContent-Length : 1\r\n\r\na", "bad header line");
        assertBroken("HTTP/1.1 200 OK\r\n folded: value\r\nContent-Length: 1\r\n\r\na", "bad header line");
    }

    @Test
    void equalDuplicateLengthsAndWellFormedChunksStillWork() throws Exception {
        try (ScriptedServer server = new ScriptedServer(List.of(text("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc"),
                text("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3;x=y\r\ndef\r\n0\r\n\r\n")));
             Http1Client http = client()) {
            assertThat(get(http, server.port())).isEqualTo("abc");
            assertThat(get(http, server.port())).isEqualTo("def");
            assertThat(server.connections.get()).isEqualTo(1);
        }
    }

    @Test
    void aConnectionWithBytesBeyondItsAnswerIsNeverReused() throws Exception {
        // the first answer carries a second, unasked one: reusing the connection would hand it to the next request
        try (ScriptedServer server = new ScriptedServer(List.of(
                text("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nWRONG"),
                text("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nright")));
             Http1Client http = client()) {
            assertThat(get(http, server.port())).isEqualTo("ok");
            assertThat(get(http, server.port())).isEqualTo("right");
            assertThat(server.connections.get()).isEqualTo(2);
        }
    }

    @Test
    void crOrLfInARequestHeaderNameOrValueIsRefused() throws Exception {
        try (ScriptedServer server = new ScriptedServer(List.of(text("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")));
             Http1Client http = client()) {
            for (Map<String, String> h : List.of(Map.of("x-a\r\nx-injected", "v"), Map.of("x-a\n", "v"), Map.of("x a", "v"),
                    Map.of("x-a", "v\r\nx-injected: 1"))) {
                assertThatThrownBy(() -> http.send(false, "127.0.0.1", server.port(), "GET", "/", h, null))
                        .isInstanceOf(IllegalArgumentException.class);
            }
            assertThat(server.connections.get()).isZero();
        }
    }

    @Test
    void endlessInterimAnswersAndHeadsMeetTheirLimits() throws Exception {
        ScriptedServer.Script interim = out -> {
            for (int i = 0; i < 1_000_000; i++) out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        };
        ScriptedServer.Script headers = out -> {
            out.write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 1_000_000; i++) out.write(("X-" + i + ": " + "y".repeat(50) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        };
        ScriptedServer.Script longLine = out -> {
            out.write("HTTP/1.1 200 OK\r\nX-Long: ".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 1_000_000; i++) out.write("y".repeat(100).getBytes(StandardCharsets.US_ASCII));
        };
        for (var script : List.of(interim, headers, longLine)) {
            try (ScriptedServer server = new ScriptedServer(List.of(script));
                 Http1Client http = client()) {
                long t0 = System.nanoTime();
                assertThatThrownBy(() -> get(http, server.port())).isInstanceOf(HttpProtocolException.class);
                assertThat((System.nanoTime() - t0) / 1_000_000).as("milliseconds").isLessThan(1500);
            }
        }
    }

    @Test
    void aTricklingBodyMeetsTheAttemptDeadline() throws Exception {
        ScriptedServer.Script trickle = out -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 1000; i++) {
                out.write('x');
                out.flush();
                Thread.sleep(200); // well within the 1 s read timeout, every time
            }
        };
        try (ScriptedServer server = new ScriptedServer(List.of(trickle));
             Http1Client http = client()) {
            long t0 = System.nanoTime();
            var r = http.send(false, "127.0.0.1", server.port(), "GET", "/x", Map.of("host", "x"), null, 1000);
            assertThatThrownBy(() -> r.body().readAllBytes()).isInstanceOf(SocketTimeoutException.class).hasMessageContaining("deadline");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(ms).as("milliseconds").isBetween(1500L, 5000L);
        }
    }

    @Test
    void aBodyLongerThanExpectedFailsAtOnce() throws Exception {
        ScriptedServer.Script endless = out -> {
            out.write("HTTP/1.1 200 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            for (int i = 0; i < 100_000; i++) out.write(chunk);
        };
        try (ScriptedServer server = new ScriptedServer(List.of(endless, text("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n"))) ;
             Http1Client http = client()) {
            var r = http.send(false, "127.0.0.1", server.port(), "GET", "/x", Map.of("host", "x"), null, 10);
            assertThatThrownBy(() -> r.body().readAllBytes()).isInstanceOf(HttpProtocolException.class).hasMessageContaining("longer than");
            var lying = http.send(false, "127.0.0.1", server.port(), "GET", "/x", Map.of("host", "x"), null, 10);
            assertThatThrownBy(() -> lying.body().read()).isInstanceOf(HttpProtocolException.class);
        }
    }
}
