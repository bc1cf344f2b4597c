import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A routing reverse proxy on loopback for bench/inventory: one endpoint for labcloud, the aws CLI
 * and the seed, in front of one moto server per region, as AWS has one endpoint per region.
 * Each request goes to the moto named by the region and service of its SigV4 credential scope
 * (Authorization: ... Credential=AKID/DATE/REGION/SERVICE/aws4_request): a route by service
 * (s3, iam, sts: state that is global in AWS) wins over a route by region; anything else, and
 * unsigned requests, go to the default.
 *
 *   java InventoryRouter.java PORT DEFAULT_PORT [region:R=PORT | service:S=PORT]...
 *
 * A plain HTTP/1.1 relay, one virtual thread per client connection, keep-alive on both sides,
 * bodies by Content-Length or chunked; cheap enough that the two cores stay with moto and labcloud.
 */
public final class InventoryRouter {
    private final int fallback;
    private final Map<String, Integer> byRegion = new HashMap<>();
    private final Map<String, Integer> byService = new HashMap<>();

    private InventoryRouter(int fallback) {
        this.fallback = fallback;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: java InventoryRouter.java PORT DEFAULT_PORT [region:R=PORT | service:S=PORT]...");
            System.exit(2);
        }
        InventoryRouter router = new InventoryRouter(Integer.parseInt(args[1]));
        for (int i = 2; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            int port = Integer.parseInt(kv[1]);
            if (kv[0].startsWith("region:")) router.byRegion.put(kv[0].substring(7), port);
            else if (kv[0].startsWith("service:")) router.byService.put(kv[0].substring(8), port);
            else throw new IllegalArgumentException("bad route " + args[i]);
        }
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket server = new ServerSocket(Integer.parseInt(args[0]), 256, loopback);
             var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            System.err.println("InventoryRouter listening on " + server.getLocalSocketAddress());
            while (true) {
                Socket client = server.accept();
                threads.submit(() -> router.serve(client));
            }
        }
    }

    int route(String authorization) {
        if (authorization != null) {
            int at = authorization.indexOf("Credential=");
            if (at >= 0) {
                int end = authorization.indexOf(',', at);
                String[] scope = authorization.substring(at + 11, end < 0 ? authorization.length() : end).trim().split("/");
                if (scope.length >= 5) {
                    Integer p = byService.get(scope[3]);
                    if (p == null) p = byRegion.get(scope[2]);
                    if (p != null) return p;
                }
            }
        }
        return fallback;
    }

    /** One request's head: the raw lines and the few headers the relay needs. */
    private record Head(String firstLine, byte[] raw, Map<String, String> headers) {
        String header(String name) {
            return headers.get(name);
        }

        boolean chunked() {
            String te = header("transfer-encoding");
            return te != null && te.toLowerCase(Locale.ROOT).contains("chunked");
        }

        long contentLength() {
            String cl = header("content-length");
            return cl == null ? -1 : Long.parseLong(cl.trim());
        }

        boolean close() {
            String c = header("connection");
            return c != null && c.toLowerCase(Locale.ROOT).contains("close");
        }
    }

    private void serve(Socket client) {
        Map<Integer, Upstream> upstreams = new HashMap<>();
        try (client) {
            client.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(client.getInputStream(), 65536);
            OutputStream out = new BufferedOutputStream(client.getOutputStream(), 65536);
            while (true) {
                Head req = readHead(in, true);
                if (req == null) return;
                String method = req.firstLine().substring(0, req.firstLine().indexOf(' '));
                boolean expect = "100-continue".equalsIgnoreCase(String.valueOf(req.header("expect")));
                if (expect) { // answered here; the upstream gets the body at once
                    out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                }
                int port = route(req.header("authorization"));
                // The body is read whole first (small here), so that a request on a kept-alive
                // upstream connection that moto has closed meanwhile can be sent again on a new one.
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                if (req.chunked()) copyChunked(in, body);
                else if (req.contentLength() > 0) copy(in, body, req.contentLength());
                byte[] head = expect ? withoutExpect(req.raw()) : req.raw();
                Upstream up = upstreams.get(port);
                Head resp = null;
                for (int attempt = 0; resp == null; attempt++) {
                    boolean fresh = up == null;
                    if (fresh) {
                        up = Upstream.connect(port);
                        upstreams.put(port, up);
                    }
                    try {
                        up.out().write(head);
                        body.writeTo(up.out());
                        up.out().flush();
                        do {
                            resp = readHead(up.in(), false);
                            if (resp == null) throw new IOException("upstream " + port + " closed the connection");
                        } while (status(resp) / 100 == 1);
                    } catch (IOException e) {
                        up.close();
                        upstreams.remove(port);
                        up = null;
                        resp = null;
                        if (fresh || attempt > 0) throw e;
                    }
                }
                InputStream upIn = up.in();
                out.write(resp.raw());
                int status = status(resp);
                boolean untilClose = false;
                if (method.equals("HEAD") || status == 204 || status == 304) {
                    // no body
                } else if (resp.chunked()) {
                    copyChunked(upIn, out);
                } else if (resp.contentLength() >= 0) {
                    copy(upIn, out, resp.contentLength());
                } else {
                    upIn.transferTo(out);
                    untilClose = true;
                }
                out.flush();
                if (untilClose || resp.close()) {
                    up.close();
                    upstreams.remove(port);
                    if (untilClose) return;
                }
                if (req.close()) return;
            }
        } catch (IOException e) {
            // client or upstream went away: drop the connection, as a load balancer would
        } finally {
            upstreams.values().forEach(Upstream::close);
        }
    }

    /** A kept-alive connection to one moto, with its buffered streams. */
    private record Upstream(Socket socket, InputStream in, OutputStream out) {
        static Upstream connect(int port) throws IOException {
            Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
            s.setTcpNoDelay(true);
            return new Upstream(s, new BufferedInputStream(s.getInputStream(), 65536),
                    new BufferedOutputStream(s.getOutputStream(), 65536));
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // best effort
            }
        }
    }

    private static int status(Head resp) {
        String[] parts = resp.firstLine().split(" ", 3);
        return Integer.parseInt(parts[1]);
    }

    /** Reads a request or response head up to the blank line; null at a clean end of stream. */
    private static Head readHead(InputStream in, boolean request) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream(1024);
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                if (raw.size() == 0) return null;
                throw new IOException("truncated " + (request ? "request" : "response") + " head");
            }
            raw.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3)) ? matched + 1
                    : b == '\r' ? 1 : 0;
        }
        byte[] bytes = raw.toByteArray();
        String[] lines = new String(bytes, StandardCharsets.ISO_8859_1).split("\r\n");
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        return new Head(lines[0], bytes, headers);
    }

    private static byte[] withoutExpect(byte[] raw) {
        StringBuilder sb = new StringBuilder();
        for (String line : new String(raw, StandardCharsets.ISO_8859_1).split("\r\n")) {
            if (line.regionMatches(true, 0, "expect:", 0, 7)) continue;
            sb.append(line).append("\r\n");
        }
        return sb.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void copy(InputStream in, OutputStream out, long n) throws IOException {
        byte[] buf = new byte[65536];
        while (n > 0) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, n));
            if (r < 0) throw new IOException("body ended early");
            out.write(buf, 0, r);
            n -= r;
        }
    }

    /** Relays a chunked body as it is: size lines, data, and the trailer up to its blank line. */
    private static void copyChunked(InputStream in, OutputStream out) throws IOException {
        while (true) {
            String sizeLine = readLine(in);
            out.write((sizeLine + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            int semi = sizeLine.indexOf(';');
            long size = Long.parseLong((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
            if (size == 0) {
                String trailer;
                do {
                    trailer = readLine(in);
                    out.write((trailer + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                } while (!trailer.isEmpty());
                return;
            }
            copy(in, out, size + 2); // data and its CRLF
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') break;
            if (b != '\r') sb.append((char) b);
        }
        if (b < 0) throw new IOException("chunked body ended early");
        return sb.toString();
    }
}
