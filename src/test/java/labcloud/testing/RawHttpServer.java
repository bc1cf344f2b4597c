package labcloud.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A real HTTP/1.1 server on loopback, written on a bare ServerSocket so that it can misbehave in
 * ways a proper server library will not: endless bodies, lying lengths, interim answers without
 * end, heads that never finish, bodies that trickle. Requests a rule does not take over are
 * forwarded to an upstream store (S3Proxy) and answered properly, so a client's listings and
 * other calls work as usual.
 */
public final class RawHttpServer implements AutoCloseable {
    /** One request as received: method, raw target, headers (lower-case names) and body. */
    public record Request(String method, String target, Map<String, String> headers, byte[] body) {
        public String path() {
            int q = target.indexOf('?');
            return q < 0 ? target : target.substring(0, q);
        }

        public String query() {
            int q = target.indexOf('?');
            return q < 0 ? "" : target.substring(q + 1);
        }
    }

    /** Writes an answer itself; returns true if the connection can serve another request. */
    public interface Answer {
        boolean write(Request request, OutputStream out) throws IOException;
    }

    private static final Set<String> NOT_FORWARDED = Set.of("connection", "content-length", "host", "transfer-encoding",
            "expect", "upgrade", "keep-alive", "proxy-authorization", "via");

    private final ServerSocket listener;
    private final URI upstream;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private volatile Function<Request, Answer> rule = r -> null;
    private final AtomicInteger taken = new AtomicInteger();

    public RawHttpServer(URI upstream) throws IOException {
        this.upstream = upstream;
        this.listener = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("raw-http-accept").start(this::acceptLoop);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
    }

    /** The rule: an answer of its own for a request, or null to forward it upstream. */
    public RawHttpServer rule(Function<Request, Answer> rule) {
        this.rule = rule;
        return this;
    }

    /** Requests the rule answered itself. */
    public int taken() {
        return taken.get();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket s = listener.accept();
                Thread.ofVirtual().start(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            while (true) {
                Request r = read(in);
                if (r == null) return;
                Answer a = rule.apply(r);
                boolean keep;
                if (a == null) {
                    keep = forward(r, out);
                } else {
                    taken.incrementAndGet();
                    keep = a.write(r, out);
                }
                out.flush();
                if (!keep) return;
            }
        } catch (IOException | InterruptedException e) {
            // the client went away
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c; (c = in.read()) >= 0; ) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }

    private static Request read(InputStream in) throws IOException {
        String start = line(in);
        if (start == null || start.isEmpty()) return null;
        String[] parts = start.split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h; (h = line(in)) != null && !h.isEmpty(); ) {
            int c = h.indexOf(':');
            if (c > 0) headers.put(h.substring(0, c).strip().toLowerCase(Locale.ROOT), h.substring(c + 1).strip());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        return new Request(parts[0], parts[1], headers, in.readNBytes(length));
    }

    private boolean forward(Request r, OutputStream out) throws IOException, InterruptedException {
        String target = r.target().startsWith("http://") ? URI.create(r.target()).getRawPath()
                + (URI.create(r.target()).getRawQuery() == null ? "" : "?" + URI.create(r.target()).getRawQuery()) : r.target();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(upstream.toString().replaceAll("/$", "") + target))
                .method(r.method(), r.body().length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(r.body()));
        r.headers().forEach((name, value) -> {
            if (!NOT_FORWARDED.contains(name)) b.header(name, value);
        });
        HttpResponse<byte[]> resp = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(resp.statusCode()).append(" X\r\n");
        resp.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                values.forEach(v -> head.append(name).append(": ").append(v).append("\r\n"));
            }
        });
        boolean head_ = r.method().equals("HEAD");
        String length = head_ ? resp.headers().firstValue("content-length").orElse("0") : String.valueOf(resp.body().length);
        head.append("Content-Length: ").append(length).append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (!head_) out.write(resp.body());
        return true;
    }

    /** Writes text as ISO-8859-1 bytes (an answer's head). */
    public static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Sends bytes without end (or until the client hangs up, or 5 minutes at most). */
    public static void endless(OutputStream out, int pauseMillis) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) 'x');
        long end = System.nanoTime() + 300_000_000_000L;
        while (System.nanoTime() < end) {
            out.write(chunk, 0, pauseMillis > 0 ? 1 : chunk.length);
            out.flush();
            if (pauseMillis > 0) sleep(pauseMillis);
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // closed
        }
    }
}
