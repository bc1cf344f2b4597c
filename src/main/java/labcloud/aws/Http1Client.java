package labcloud.aws;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Consumer;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A small HTTP/1.1 client over blocking sockets with keep-alive, for the many small requests of
 * {@link S3ObjectIo}. On virtual threads a blocking socket costs a few system calls per request;
 * the JDK's asynchronous client spent more CPU than the request itself handing each exchange
 * between its selector and worker threads.
 *
 * <p>Request bodies are byte arrays sent with Content-Length. Responses are read with
 * Content-Length, chunked encoding, or up to the end of the connection. A connection goes back to
 * the pool only when its response body was read to its end and nothing arrived beyond it.
 *
 * <p>Nothing a server sends can hold a request forever or fill memory: interim (1xx) answers,
 * head lines and head size are capped, every attempt has a deadline (see {@link HttpConnection}),
 * a 2xx body longer than the caller expects fails at once, and broken framing (bad or conflicting
 * lengths, bad chunks) is an {@link HttpProtocolException}. Through a proxy ({@link ProxySettings})
 * https goes in a CONNECT tunnel and http as absolute-form requests.
 */
final class Http1Client implements AutoCloseable {
    private static final int MAX_IDLE_PER_HOST = 256;
    /** Interim (1xx) answers accepted before the real one. */
    static final int MAX_INTERIM = 8;
    static final int MAX_HEADER_LINES = 128;
    static final int MAX_HEAD_BYTES = 64 * 1024;
    /** The slowest rate an attempt's deadline allows for the bytes it moves (on top of two read timeouts). */
    static final long MIN_BYTES_PER_SECOND = 64 * 1024;

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final long readTimeoutNanos;
    private final ProxySettings proxies;
    /** Made on the first https connection: loading the JDK's trusted certificates costs 30-40 ms of CPU. */
    private final java.util.function.Supplier<SSLSocketFactory> tls;
    private final Map<String, ConcurrentLinkedDeque<HttpConnection>> idle = new ConcurrentHashMap<>();
    private volatile boolean closed;

    Http1Client(Duration connectTimeout, Duration readTimeout) {
        this(connectTimeout, readTimeout, ProxySettings.NONE);
    }

    Http1Client(Duration connectTimeout, Duration readTimeout, ProxySettings proxies) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.readTimeoutNanos = readTimeout.toNanos();
        this.proxies = proxies;
        this.tls = DefaultTls::factory;
    }

    /** The JVM's default TLS set-up, made when this class is first used (on the first https connection). */
    private static final class DefaultTls {
        static final SSLSocketFactory FACTORY = (SSLSocketFactory) SSLSocketFactory.getDefault();

        static SSLSocketFactory factory() {
            return FACTORY;
        }
    }

    /** With the TLS setup to use (tests trust a certificate of their own with it). */
    Http1Client(Duration connectTimeout, Duration readTimeout, ProxySettings proxies, SSLSocketFactory tls) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.readTimeoutNanos = readTimeout.toNanos();
        this.proxies = proxies;
        this.tls = () -> tls;
    }

    /**
     * An answer: status, headers (lower-case names, first value), the body to read and close, and
     * whether it came through a proxy (whose own refusals then read as such).
     */
    record Response(int status, Map<String, String> headers, InputStream body, boolean viaProxy) {
        String header(String name) {
            return headers.get(name);
        }
    }

    Response send(boolean tls, String host, int port, String method, String pathAndQuery, Map<String, String> headers,
                  byte[] body) throws IOException {
        return send(tls, host, port, method, pathAndQuery, headers, body, Long.MAX_VALUE);
    }

    /**
     * Sends one request. {@code pathAndQuery} is sent as is (already encoded). A pooled connection
     * that the server closed while idle is replaced once without the caller noticing.
     *
     * @param maxBody the most body bytes a 2xx answer may have (Long.MAX_VALUE: no limit); it also
     *                sizes the attempt's deadline
     */
    Response send(boolean tls, String host, int port, String method, String pathAndQuery, Map<String, String> headers,
                  byte[] body, long maxBody) throws IOException {
        ProxySettings.Proxy proxy = proxies.forTarget(tls, host, port);
        String origin = (tls ? "https://" : "http://") + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        String poolKey = origin + (proxy == null ? "" : " via " + proxy);
        ConcurrentLinkedDeque<HttpConnection> pool = idle.computeIfAbsent(poolKey, k -> new ConcurrentLinkedDeque<>());
        Map<String, String> all = headers;
        String target = pathAndQuery;
        if (proxy != null && !tls) {
            target = origin + pathAndQuery; // absolute form: the proxy forwards it
            if (proxy.authorization() != null) {
                all = new HashMap<>(headers);
                all.put("proxy-authorization", proxy.authorization());
            }
        }
        byte[] head = head(method, target, all, body == null ? -1 : body.length);
        long deadline = deadlineNanos(body == null ? 0 : body.length, maxBody);
        HttpConnection reused = pool.pollFirst();
        while (reused != null && reused.unfitForReuse()) {
            reused.closeQuietly();
            reused = pool.pollFirst();
        }
        if (reused != null) {
            try {
                return exchange(reused, pool, head, body, maxBody, deadline, proxy != null);
            } catch (HttpProtocolException broken) {
                reused.closeQuietly();
                throw broken;
            } catch (IOException stale) {
                reused.closeQuietly();
                // only a connection that failed before any answer arrives here: send it afresh
            }
        }
        HttpConnection fresh = connect(tls, host, port, proxy);
        try {
            return exchange(fresh, pool, head, body, maxBody, deadline, proxy != null);
        } catch (IOException | RuntimeException e) {
            fresh.closeQuietly();
            throw e;
        }
    }

    /** Two read timeouts, plus the bytes at {@link #MIN_BYTES_PER_SECOND}. */
    private long deadlineNanos(long requestBytes, long maxBody) {
        long bytes = requestBytes + (maxBody == Long.MAX_VALUE ? 0 : maxBody);
        // plain arithmetic: this runs for every request, and Duration's cost showed in profiles of small files
        return 2 * readTimeoutNanos + bytes / MIN_BYTES_PER_SECOND * 1_000_000_000L;
    }

    private static byte[] head(String method, String target, Map<String, String> headers, int contentLength) {
        StringBuilder b = new StringBuilder(512).append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        headers.forEach((name, value) -> {
            if (!isToken(name)) throw new IllegalArgumentException("bad header name " + shown(name));
            if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) throw new IllegalArgumentException("bad header " + name);
            b.append(name).append(": ").append(value).append("\r\n");
        });
        if (contentLength >= 0) b.append("content-length: ").append(contentLength).append("\r\n");
        return b.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A non-empty run of token characters (a loop: a stream per header of every request showed in profiles). */
    static boolean isToken(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            if (!tokenChar(s.charAt(i))) return false;
        }
        return true;
    }

    /** RFC 9110 token characters: what a header name may hold (no CR, LF, colon or space). */
    static boolean tokenChar(int ch) {
        return ch > 32 && ch < 127 && "()<>@,;:\\\"/[]?={}".indexOf(ch) < 0;
    }

    private Response exchange(HttpConnection c, ConcurrentLinkedDeque<HttpConnection> pool, byte[] head, byte[] body,
                              long maxBody, long deadline, boolean viaProxy) throws IOException {
        c.arm(deadline);
        c.send(head, body);
        ResponseHead h = readHead(c);
        Consumer<Boolean> done = reusable -> {
            c.disarm();
            if (reusable && h.keepAlive() && !closed && pool.size() < MAX_IDLE_PER_HOST) pool.offerFirst(c);
            else c.closeQuietly();
        };
        long max = h.status() / 100 == 2 ? maxBody : Long.MAX_VALUE;
        InputStream bodyStream;
        if (h.status() == 204 || h.status() == 304) bodyStream = new HttpBodies.Fixed(c, 0, max, done);
        else if (h.chunked()) bodyStream = new HttpBodies.Chunked(c, max, done);
        else bodyStream = new HttpBodies.Fixed(c, h.contentLength(), max, done);
        return new Response(h.status(), h.headers(), bodyStream, viaProxy);
    }

    /** A final answer's head: status, headers, framing, and whether the connection may serve again. */
    record ResponseHead(int status, Map<String, String> headers, long contentLength, boolean chunked, boolean keepAlive) {}

    /** Reads interim answers (at most {@link #MAX_INTERIM}) and the final answer's head. */
    static ResponseHead readHead(HttpConnection c) throws IOException {
        int budget = MAX_HEAD_BYTES;
        for (int interim = 0; ; interim++) {
            if (interim > MAX_INTERIM) throw new HttpProtocolException("more than " + MAX_INTERIM + " interim (1xx) answers");
            String statusLine = c.readLine(budget);
            if (statusLine == null) throw new EOFException("connection closed before an answer");
            budget -= statusLine.length() + 2;
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("[1-5][0-9][0-9]")) {
                throw new HttpProtocolException("not an HTTP/1.1 status line");
            }
            int status = Integer.parseInt(parts[1]);
            Map<String, String> headers = new HashMap<>();
            String contentLength = null;
            boolean conflicting = false;
            for (int lines = 0; ; lines++) {
                String line = c.readLine(budget);
                if (line == null) throw new EOFException("connection closed inside the answer's head");
                budget -= line.length() + 2;
                if (line.isEmpty()) break;
                if (lines >= MAX_HEADER_LINES) throw new HttpProtocolException("more than " + MAX_HEADER_LINES + " header lines");
                int colon = line.indexOf(':');
                if (colon <= 0 || !isToken(line.substring(0, colon))) {
                    throw new HttpProtocolException("bad header line '" + shown(line) + "'");
                }
                String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).strip();
                if (name.equals("content-length")) {
                    for (String v : value.split(",", -1)) {
                        String one = v.strip();
                        if (contentLength != null && !contentLength.equals(one)) conflicting = true;
                        contentLength = one;
                    }
                }
                headers.putIfAbsent(name, value);
            }
            if (status == 101) throw new HttpProtocolException("the server switched protocols");
            if (status / 100 == 1) continue;
            String te = headers.get("transfer-encoding");
            boolean chunked = te != null && te.toLowerCase(Locale.ROOT).strip().endsWith("chunked");
            long length = -1;
            if (!chunked && contentLength != null) {
                if (conflicting) throw new HttpProtocolException("conflicting Content-Length values");
                if (contentLength.isEmpty() || contentLength.length() > 18 || !contentLength.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                    throw new HttpProtocolException("bad Content-Length '" + shown(contentLength) + "'");
                }
                length = Long.parseLong(contentLength);
            }
            // a length next to chunked, or another coding read to the end: never reuse such a connection
            boolean keepAlive = !"close".equalsIgnoreCase(headers.get("connection"))
                    && !(chunked && contentLength != null) && (te == null || chunked) && (chunked || length >= 0);
            return new ResponseHead(status, headers, length, chunked, keepAlive);
        }
    }

    /** A bit of a server's text for an error message: short, printable. */
    static String shown(String s) {
        String t = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return t.replaceAll("[^\\x20-\\x7e…]", "?");
    }

    private HttpConnection connect(boolean tls, String host, int port, ProxySettings.Proxy proxy) throws IOException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.setKeepAlive(true);
            String where = proxy == null ? host + ":" + port : proxy.toString();
            try {
                s.connect(new InetSocketAddress(proxy == null ? host : proxy.host(), proxy == null ? port : proxy.port()),
                        (int) connectTimeout.toMillis());
            } catch (IOException e) {
                throw new java.net.ConnectException("cannot connect to " + where + ": " + e.getMessage());
            }
            s.setSoTimeout((int) readTimeout.toMillis());
            if (proxy != null && tls) tunnel(s, host, port, proxy);
            if (tls) {
                SSLSocket ssl = (SSLSocket) this.tls.get().createSocket(s, host, port, true);
                SSLParameters p = ssl.getSSLParameters();
                p.setEndpointIdentificationAlgorithm("HTTPS");
                ssl.setSSLParameters(p);
                ssl.startHandshake();
                s = ssl;
            }
            return new HttpConnection(s);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** Asks the proxy for a tunnel to host:port; TLS then runs end to end through it. */
    private void tunnel(Socket s, String host, int port, ProxySettings.Proxy proxy) throws IOException {
        String authority = (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        StringBuilder req = new StringBuilder("CONNECT ").append(authority).append(" HTTP/1.1\r\nhost: ").append(authority).append("\r\n");
        if (proxy.authorization() != null) req.append("proxy-authorization: ").append(proxy.authorization()).append("\r\n");
        HttpConnection c = new HttpConnection(s);
        c.arm(readTimeout.multipliedBy(2).toNanos());
        try {
            c.send(req.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1), null);
            ResponseHead h = readHead(c);
            if (h.status() / 100 != 2) {
                throw new java.net.ConnectException(proxy + " refused a tunnel to " + authority + " (HTTP " + h.status() + ")");
            }
            if (c.hasLeftovers()) throw new HttpProtocolException(proxy + " sent data before the tunnel was used");
        } finally {
            c.disarm();
        }
    }

    @Override
    public void close() {
        closed = true;
        idle.values().forEach(q -> {
            for (HttpConnection c; (c = q.pollFirst()) != null; ) c.closeQuietly();
        });
    }
}
