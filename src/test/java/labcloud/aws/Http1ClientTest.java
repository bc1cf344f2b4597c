package labcloud.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.EOFException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The HTTP/1.1 client against real servers on loopback: framing, keep-alive, and servers that hang up. */
class Http1ClientTest {

    @Test
    void readsFixedAndChunkedBodiesAndReusesTheConnection() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
        server.createContext("/", ex -> {
            clientPorts.add(ex.getRemoteAddress().getPort());
            byte[] in = ex.getRequestBody().readAllBytes();
            byte[] out = ("got " + in.length + " bytes for " + ex.getRequestURI().getRawPath()).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("ETag", "\"abc\"");
            boolean chunked = ex.getRequestURI().getRawPath().contains("chunked");
            ex.sendResponseHeaders(200, chunked ? 0 : out.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(out);
            }
        });
        server.start();
        try (Http1Client http = new Http1Client(Duration.ofSeconds(2), Duration.ofSeconds(5))) {
            int port = server.getAddress().getPort();
            for (String path : new String[] {"/fixed/a%20b", "/chunked/x", "/fixed/again", "/chunked/again"}) {
                var r = http.send(false, "127.0.0.1", port, "PUT", path, Map.of("host", "127.0.0.1:" + port),
                        "hello".getBytes(StandardCharsets.UTF_8));
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.header("etag")).isEqualTo("\"abc\"");
                try (InputStream body = r.body()) {
                    assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("got 5 bytes for " + path);
                }
            }
            assertThat(clientPorts).as("one keep-alive connection for four sequential requests").hasSize(1);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aPooledConnectionTheServerClosedIsReplacedAndACutBodyIsAnError() throws Exception {
        try (ServerSocket ss = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             Http1Client http = new Http1Client(Duration.ofSeconds(2), Duration.ofSeconds(5))) {
            Thread server = Thread.ofVirtual().start(() -> {
                try {
                    // 1st connection: one good answer, then hang up while idle
                    try (Socket s = ss.accept()) {
                        readRequest(s.getInputStream());
                        s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
                        s.getOutputStream().flush();
                    }
                    // 2nd connection (the client's retry): promise 10 bytes, send 3, hang up
                    try (Socket s = ss.accept()) {
                        readRequest(s.getInputStream());
                        s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc".getBytes(StandardCharsets.US_ASCII));
                        s.getOutputStream().flush();
                    }
                } catch (Exception ignored) {
                    // the test's assertions report what went wrong
                }
            });
            int port = ss.getLocalPort();
            var first = http.send(false, "127.0.0.1", port, "GET", "/one", Map.of("host", "x"), null);
            assertThat(new String(first.body().readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("ok");
            first.body().close();
            Thread.sleep(200); // the server has closed the pooled connection by now
            var second = http.send(false, "127.0.0.1", port, "GET", "/two", Map.of("host", "x"), null);
            assertThat(second.status()).isEqualTo(200);
            assertThatThrownBy(() -> second.body().readAllBytes()).isInstanceOf(EOFException.class);
            server.join(5000);
        }
    }

    @Test
    void anAnswerArrivingInTinyPiecesIsReadTheSame() throws Exception {
        // every byte its own TCP write, so head lines, CR and LF, chunk sizes and bodies all cross reads
        String[] answers = {"HTTP/1.1 200 OK\r\nETag: \"e-1\"\r\nX-Amz-Meta-Note: caf\u00e9\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\nTrailer: x\r\n\r\n",
                "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc"};
        try (ServerSocket ss = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             Http1Client http = new Http1Client(Duration.ofSeconds(2), Duration.ofSeconds(5))) {
            Thread server = Thread.ofVirtual().start(() -> {
                try (Socket s = ss.accept()) {
                    s.setTcpNoDelay(true);
                    for (String answer : answers) {
                        readRequest(s.getInputStream());
                        for (byte b : answer.getBytes(StandardCharsets.ISO_8859_1)) {
                            s.getOutputStream().write(b);
                            s.getOutputStream().flush();
                            Thread.sleep(0, 200_000);
                        }
                    }
                } catch (Exception ignored) {
                    // the test's assertions report what went wrong
                }
            });
            int port = ss.getLocalPort();
            var first = http.send(false, "127.0.0.1", port, "GET", "/a", Map.of("host", "x"), null);
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.header("etag")).isEqualTo("\"e-1\"");
            assertThat(first.header("x-amz-meta-note")).isEqualTo("caf\u00e9");
            assertThat(new String(first.body().readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("hello, world");
            var second = http.send(false, "127.0.0.1", port, "GET", "/b", Map.of("host", "x"), null);
            assertThat(second.status()).isEqualTo(200);
            assertThat(new String(second.body().readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("abc");
            server.join(5000);
        }
    }

    private static void readRequest(InputStream in) throws Exception {
        // headers only: these requests have no body
        int matched = 0;
        byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        for (int b; matched < 4 && (b = in.read()) >= 0; ) matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
}
