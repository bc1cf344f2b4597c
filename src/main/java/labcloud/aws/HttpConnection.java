package labcloud.aws;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One connection of {@link Http1Client}: a socket with a read buffer of its own, and a deadline
 * for the exchange in progress. The socket's read timeout bounds one silent pause; the deadline
 * bounds the whole attempt, so a server that trickles a byte now and then (or sends headers or
 * interim answers without end) cannot hold a transfer forever: when it passes, the socket is
 * closed and the read in progress fails.
 */
final class HttpConnection {
    /** One timer for every connection's deadline; it only ever closes sockets. */
    private static final ScheduledThreadPoolExecutor TIMER = timer();

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
    private volatile boolean expired;
    private volatile long deadlineSeconds;
    private ScheduledFuture<?> watchdog;

    HttpConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.raw = socket.getInputStream();
        this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread th = new Thread(r, "labcloud-http-deadlines");
            th.setDaemon(true);
            return th;
        });
        t.setRemoveOnCancelPolicy(true);
        return t;
    }

    /** Closes the connection when {@code nanos} have passed, unless {@link #disarm()} comes first. */
    void arm(long nanos) {
        disarm();
        deadlineSeconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos));
        watchdog = TIMER.schedule(() -> {
            expired = true;
            closeQuietly();
        }, nanos, TimeUnit.NANOSECONDS);
    }

    void disarm() {
        ScheduledFuture<?> w = watchdog;
        if (w != null) {
            w.cancel(false);
            watchdog = null;
        }
    }

    /** Bytes received beyond what has been read: a connection holding any must not serve another request. */
    boolean hasLeftovers() {
        return pos < lim;
    }

    /** True if the idle connection has received something unasked (or its end): not fit for reuse. */
    boolean unfitForReuse() {
        try {
            return hasLeftovers() || socket.isClosed() || raw.available() > 0;
        } catch (IOException e) {
            return true;
        }
    }

    /** Body bytes: first what the buffer holds, then large reads straight from the socket. */
    int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        if (pos == lim) {
            if (len >= buf.length) return rawRead(b, off, len);
            if (!fill()) return -1;
        }
        int n = Math.min(len, lim - pos);
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        return n;
    }

    /** Reads more into an empty buffer; false at the end of the stream. */
    private boolean fill() throws IOException {
        int n = rawRead(buf, 0, buf.length);
        if (n <= 0) return false;
        pos = 0;
        lim = n;
        return true;
    }

    private int rawRead(byte[] b, int off, int len) throws IOException {
        try {
            return raw.read(b, off, len);
        } catch (IOException e) {
            if (expired) throw new SocketTimeoutException("the server did not complete its answer within the "
                    + deadlineSeconds + " s deadline of one attempt");
            throw e;
        }
    }

    /** Writes a request; a write cut off by the deadline says so. */
    void send(byte[] head, byte[] body) throws IOException {
        try {
            out.write(head);
            if (body != null) out.write(body);
            out.flush();
        } catch (IOException e) {
            if (expired) throw new SocketTimeoutException("the request could not be sent within the " + deadlineSeconds + " s deadline of one attempt");
            throw e;
        }
    }

    /**
     * One head line without its CRLF (ISO-8859-1, as HTTP heads are); null at the end of the
     * stream. {@code max} bounds the line (the caller's budget for the rest of the head).
     */
    String readLine(int max) throws IOException {
        StringBuilder carried = null; // a line split across two reads
        while (true) {
            for (int i = pos; i < lim; i++) {
                if (buf[i] != '\n') continue;
                int end = i > pos && buf[i - 1] == '\r' ? i - 1 : i;
                if ((carried == null ? 0 : carried.length()) + end - pos > max) throw new HttpProtocolException("the answer's head is too long");
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
            if (carried.length() > max) throw new HttpProtocolException("the answer's head is too long");
            pos = lim;
            if (!fill()) return carried.isEmpty() ? null : carried.toString();
        }
    }

    void closeQuietly() {
        disarm();
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
