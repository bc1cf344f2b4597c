package labcloud.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A real HTTP server on loopback that forwards requests to an upstream (moto, S3Proxy) and
 * injects faults chosen per request: dropped connections, 5xx answers, throttling errors.
 * Used to test retries, partial results and error messages against real network behaviour.
 */
public final class FaultProxy implements AutoCloseable {
    /** What to do with one request. */
    public sealed interface Fault {
        Fault NONE = new Pass();

        record Pass() implements Fault {}

        /** Close the connection without answering. */
        record Reset() implements Fault {}

        /** Answer with this status and body instead of forwarding. */
        record Respond(int status, String contentType, String body) implements Fault {}

        /** Forward with this raw query string (null for none): a server that ignores a parameter. */
        record Requery(String query) implements Fault {}
    }

    /** The parts of a request a rule may look at. */
    public record Request(String method, String path, String query, String authorization, String target) {
        /** The region in the SigV4 credential scope, e.g. "eu-west-1". */
        public String region() {
            if (authorization == null) return null;
            int i = authorization.indexOf("Credential=");
            if (i < 0) return null;
            String[] scope = authorization.substring(i + 11).split("/");
            return scope.length > 2 ? scope[2] : null;
        }
    }

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "transfer-encoding",
            "expect", "upgrade", "keep-alive");

    private final HttpServer server;
    private final URI upstream;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private volatile Function<Request, Fault> rule = r -> Fault.NONE;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger faults = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong requestBytes = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.Map<String, AtomicInteger> byMethod = new java.util.concurrent.ConcurrentHashMap<>();

    public FaultProxy(URI upstream) throws IOException {
        this.upstream = upstream;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public FaultProxy rule(Function<Request, Fault> rule) {
        this.rule = rule;
        return this;
    }

    public int requests() {
        return requests.get();
    }

    public int faults() {
        return faults.get();
    }

    /** Requests with this HTTP method (e.g. "HEAD") seen so far. */
    public int requests(String method) {
        AtomicInteger n = byMethod.get(method);
        return n == null ? 0 : n.get();
    }

    /** Request body bytes received from clients (including those of faulted requests). */
    public long requestBytes() {
        return requestBytes.get();
    }

    /**
     * A rule that fails about {@code rate} of all requests, half by dropping the connection and half
     * with 503 SlowDown, from a seeded random sequence.
     */
    public static Function<Request, Fault> randomFaults(double rate, long seed) {
        java.util.Random random = new java.util.Random(seed);
        Fault slowDown = new Fault.Respond(503, "application/xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>");
        return r -> {
            double x;
            synchronized (random) {
                x = random.nextDouble();
            }
            if (x >= rate) return Fault.NONE;
            return x < rate / 2 ? new Fault.Reset() : slowDown;
        };
    }

    private void handle(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        byMethod.computeIfAbsent(ex.getRequestMethod(), m -> new AtomicInteger()).incrementAndGet();
        var h = ex.getRequestHeaders();
        Request req = new Request(ex.getRequestMethod(), ex.getRequestURI().getRawPath(), ex.getRequestURI().getRawQuery(),
                h.getFirst("Authorization"), h.getFirst("X-Amz-Target"));
        Fault fault = rule.apply(req);
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            requestBytes.addAndGet(body.length);
            if (fault instanceof Fault.Reset) {
                faults.incrementAndGet();
                return; // closing the exchange without an answer drops the connection
            }
            if (fault instanceof Fault.Respond r) {
                faults.incrementAndGet();
                byte[] b = r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", r.contentType());
                ex.sendResponseHeaders(r.status(), b.length == 0 ? -1 : b.length);
                if (b.length > 0) ex.getResponseBody().write(b);
                return;
            }
            forward(ex, body, fault instanceof Fault.Requery q ? q.query() : ex.getRequestURI().getRawQuery());
        }
    }

    private void forward(HttpExchange ex, byte[] body, String query) throws IOException {
        String target = upstream.toString().replaceAll("/$", "") + ex.getRequestURI().getRawPath()
                + (query == null || query.isEmpty() ? "" : "?" + query);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target))
                .method(ex.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        ex.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase())) values.forEach(v -> b.header(name, v));
        });
        try {
            HttpResponse<InputStream> resp = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            resp.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    values.forEach(v -> ex.getResponseHeaders().add(name, v));
                }
            });
            long len = resp.headers().firstValueAsLong("content-length").orElse(0);
            boolean noBody = "HEAD".equals(ex.getRequestMethod()) || resp.statusCode() == 204 || resp.statusCode() == 304;
            // the server sets Content-Length itself except for HEAD, whose answer must still carry the size
            if ("HEAD".equals(ex.getRequestMethod())) {
                resp.headers().firstValue("content-length").ifPresent(v -> ex.getResponseHeaders().set("Content-Length", v));
            }
            ex.sendResponseHeaders(resp.statusCode(), noBody ? -1 : (len == 0 ? 0 : len));
            try (InputStream in = resp.body(); OutputStream out = ex.getResponseBody()) {
                if (!noBody) in.transferTo(out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
