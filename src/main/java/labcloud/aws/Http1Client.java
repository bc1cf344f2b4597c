package labcloud.aws;

import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
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
 * the pool only when its response body was read to the end.
 */
final class Http1Client implements AutoCloseable {
    private static final int MAX_IDLE_PER_HOST = 256;

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Map<String, ConcurrentLinkedDeque<Connection>> idle = new ConcurrentHashMap<>();
    private volatile boolean closed;

    Http1Client(Duration connectTimeout, Duration readTimeout) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /** An answer: status, headers (lower-case names, first value), and the body to read and close. */
    record Response(int status, Map<String, String> headers, InputStream body) {
        String header(String name) {
            return headers.get(name);
        }
    }

    /**
     * Sends one request. {@code pathAndQuery} is sent as is (already encoded). A pooled connection
     * that the server closed while idle is replaced once without the caller noticing.
     */
    Response send(boolean tls, String host, int port, String method, String pathAndQuery, Map<String, String> headers,
                  byte[] body) throws IOException {
        String poolKey = (tls ? "https://" : "http://") + host + ":" + port;
        ConcurrentLinkedDeque<Connection> pool = idle.computeIfAbsent(poolKey, k -> new ConcurrentLinkedDeque<>());
        byte[] head = head(method, pathAndQuery, headers, body == null ? -1 : body.length);
        Connection reused = pool.pollFirst();
        if (reused != null) {
            try {
                return exchange(reused, pool, head, body);
            } catch (IOException stale) {
                reused.closeQuietly();
                // only a connection that failed before any answer arrives here: send it afresh
            }
        }
        Connection fresh = connect(tls, host, port);
        try {
            return exchange(fresh, pool, head, body);
        } catch (IOException e) {
            fresh.closeQuietly();
            throw e;
        }
    }

    private static byte[] head(String method, String pathAndQuery, Map<String, String> headers, int contentLength) {
        StringBuilder b = new StringBuilder(512).append(method).append(' ').append(pathAndQuery).append(" HTTP/1.1\r\n");
        headers.forEach((name, value) -> {
            if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) throw new IllegalArgumentException("bad header " + name);
            b.append(name).append(": ").append(value).append("\r\n");
        });
        if (contentLength >= 0) b.append("content-length: ").append(contentLength).append("\r\n");
        return b.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private Response exchange(Connection c, ConcurrentLinkedDeque<Connection> pool, byte[] head, byte[] body) throws IOException {
        c.out.write(head);
        if (body != null) c.out.write(body);
        c.out.flush();
        int status;
        Map<String, String> headers = new HashMap<>();
        do {
            String statusLine = c.readLine();
            if (statusLine == null) throw new EOFException("connection closed before an answer");
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) throw new IOException("not an HTTP/1.1 answer");
            status = (int) number(parts[1], "status");
            headers.clear();
            for (String line; (line = c.readLine()) != null && !line.isEmpty(); ) {
                int colon = line.indexOf(':');
                if (colon > 0) headers.putIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
        } while (status / 100 == 1);
        boolean keepAlive = !"close".equalsIgnoreCase(headers.get("connection"));
        Runnable done = () -> {
            if (keepAlive && !closed && pool.size() < MAX_IDLE_PER_HOST) pool.offerFirst(c);
            else c.closeQuietly();
        };
        InputStream bodyStream;
        String length = headers.get("content-length");
        if (status == 204 || status == 304) bodyStream = new FixedBody(c, 0, done);
        else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) bodyStream = new ChunkedBody(c, done);
        else if (length != null) bodyStream = new FixedBody(c, number(length, "content-length"), done);
        else bodyStream = new FixedBody(c, Long.MAX_VALUE, c::closeQuietly);
        return new Response(status, headers, bodyStream);
    }

    /** A number in an answer's head; garbage there is a broken answer (IOException), not a bug. */
    private static long number(String text, String what) throws IOException {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IOException("bad " + what + " in an HTTP answer");
        }
    }

    private Connection connect(boolean tls, String host, int port) throws IOException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.setKeepAlive(true);
            s.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            s.setSoTimeout((int) readTimeout.toMillis());
            if (tls) {
                SSLSocket ssl = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(s, host, port, true);
                SSLParameters p = ssl.getSSLParameters();
                p.setEndpointIdentificationAlgorithm("HTTPS");
                ssl.setSSLParameters(p);
                ssl.startHandshake();
                s = ssl;
            }
            return new Connection(s);
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    @Override
    public void close() {
        closed = true;
        idle.values().forEach(q -> {
            for (Connection c; (c = q.pollFirst()) != null; ) c.closeQuietly();
        });
    }

    // ---- one connection and its bodies -------------------------------------------------------------

    private static final class Connection {
        final Socket socket;
        final OutputStream out;
        private final InputStream raw;
        /**
         * Read buffer of our own: BufferedInputStream takes a lock for every read() and header
         * lines were read a byte at a time, about 15% of the CPU of 10,000 small downloads.
         */
        private final byte[] buf = new byte[64 * 1024];
        private int pos;
        private int lim;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.raw = socket.getInputStream();
            this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        }

        /** Body bytes: first what the buffer holds, then large reads straight from the socket. */
        int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) return 0;
            if (pos == lim) {
                if (len >= buf.length) return raw.read(b, off, len);
                if (!fill()) return -1;
            }
            int n = Math.min(len, lim - pos);
            System.arraycopy(buf, pos, b, off, n);
            pos += n;
            return n;
        }

        /** Reads more into an empty buffer; false at the end of the stream. */
        private boolean fill() throws IOException {
            int n = raw.read(buf, 0, buf.length);
            if (n <= 0) return false;
            pos = 0;
            lim = n;
            return true;
        }

        /** One header line without its CRLF (ISO-8859-1, as HTTP heads are); null at the end of the stream. */
        String readLine() throws IOException {
            StringBuilder carried = null; // a line split across two reads
            while (true) {
                for (int i = pos; i < lim; i++) {
                    if (buf[i] != '\n') continue;
                    int end = i > pos && buf[i - 1] == '\r' ? i - 1 : i;
                    String part = new String(buf, pos, end - pos, StandardCharsets.ISO_8859_1);
                    pos = i + 1;
                    if (carried == null) return part;
                    carried.append(part);
                    int n = carried.length();
                    if (end == i && n > 0 && carried.charAt(n - 1) == '\r') carried.setLength(n - 1); // CR ended the last read
                    return carried.toString();
                }
                if (carried == null) carried = new StringBuilder(128);
                carried.append(new String(buf, pos, lim - pos, StandardCharsets.ISO_8859_1));
                if (carried.length() > 16 * 1024) throw new IOException("header line too long");
                pos = lim;
                if (!fill()) return carried.isEmpty() ? null : carried.toString();
            }
        }

        void closeQuietly() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }

    /**
     * A response body on a connection: reading it to the end hands the connection back (done);
     * closing it early closes the connection, since unread bytes would corrupt the next exchange.
     */
    private abstract static class Body extends InputStream {
        final Connection c;
        private final Runnable done;
        private boolean finished;

        Body(Connection c, Runnable done) {
            this.c = c;
            this.done = done;
        }

        final void finish() {
            if (!finished) {
                finished = true;
                done.run();
            }
        }

        @Override
        public final int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public final void close() {
            if (!finished) {
                finished = true;
                c.closeQuietly();
            }
        }
    }

    /** A body of known length (or up to the end of the connection, with Long.MAX_VALUE). */
    private static final class FixedBody extends Body {
        private long remaining;

        FixedBody(Connection c, long length, Runnable done) {
            super(c, done);
            this.remaining = length;
            if (length == 0) finish();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining == 0) return -1;
            int n = c.read(b, off, (int) Math.min(len, remaining));
            if (n < 0) {
                if (remaining != Long.MAX_VALUE) throw new EOFException("connection closed " + remaining + " bytes before the end of the body");
                remaining = 0;
                finish();
                return -1;
            }
            if (remaining != Long.MAX_VALUE) remaining -= n;
            if (remaining == 0) finish();
            return n;
        }
    }

    /** A chunked body; trailers are read and ignored. */
    private static final class ChunkedBody extends Body {
        private long chunkLeft;
        private boolean eof;

        ChunkedBody(Connection c, Runnable done) {
            super(c, done);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (eof) return -1;
            if (chunkLeft == 0) {
                String size = c.readLine();
                if (size == null) throw new EOFException("connection closed inside a chunked body");
                int semi = size.indexOf(';');
                try {
                    chunkLeft = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).strip(), 16);
                } catch (NumberFormatException e) {
                    throw new IOException("bad chunk size in a chunked body");
                }
                if (chunkLeft == 0) {
                    for (String t; (t = c.readLine()) != null && !t.isEmpty(); ) {
                        // trailers
                    }
                    eof = true;
                    finish();
                    return -1;
                }
            }
            int n = c.read(b, off, (int) Math.min(len, chunkLeft));
            if (n < 0) throw new EOFException("connection closed inside a chunked body");
            chunkLeft -= n;
            if (chunkLeft == 0 && c.readLine() == null) throw new EOFException("connection closed inside a chunked body");
            return n;
        }
    }
}
