package labcloud.aws;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Response bodies of {@link Http1Client}. Reading one to its end hands the connection back
 * (unless bytes beyond the body arrived with it); closing it early closes the connection, since
 * unread bytes would corrupt the next exchange. A body longer than the caller can take
 * ({@code max}) fails as soon as that shows, without reading the rest.
 */
final class HttpBodies {
    /** Lines a chunked body's trailer may have. */
    private static final int MAX_TRAILERS = 64;

    private HttpBodies() {}

    abstract static class Body extends InputStream {
        final HttpConnection c;
        /** Called once with true (the connection may be reused) or false (it was closed). */
        private final Consumer<Boolean> done;
        private final long max;
        private long read;
        private boolean finished;

        Body(HttpConnection c, long max, Consumer<Boolean> done) {
            this.c = c;
            this.max = max;
            this.done = done;
        }

        /** The body ended where its framing says it does. */
        final void finish(boolean reusable) {
            if (!finished) {
                finished = true;
                done.accept(reusable && !c.hasLeftovers());
            }
        }

        /** Counts bytes read against the most the caller takes. */
        final int counted(int n) throws IOException {
            if (n > 0) {
                read += n;
                if (read > max) throw tooLong();
            }
            return n;
        }

        final IOException tooLong() {
            close();
            return new HttpProtocolException("the body is longer than the " + max + " bytes expected");
        }

        final long max() {
            return max;
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
                done.accept(false);
            }
        }
    }

    /** A body of known length, or up to the end of the connection (length -1). */
    static final class Fixed extends Body {
        private final boolean toClose;
        private long remaining;

        Fixed(HttpConnection c, long length, long max, Consumer<Boolean> done) {
            super(c, max, done);
            this.toClose = length < 0;
            this.remaining = length < 0 ? Long.MAX_VALUE : length;
            if (length == 0) finish(true);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining == 0) return -1;
            if (!toClose && remaining > max()) throw tooLong(); // a Content-Length past the limit
            int n;
            try {
                n = c.read(b, off, (int) Math.min(len, remaining));
            } catch (IOException e) {
                close();
                throw e;
            }
            if (n < 0) {
                if (!toClose) {
                    close();
                    throw new EOFException("connection closed " + remaining + " bytes before the end of the body");
                }
                remaining = 0;
                finish(false);
                return -1;
            }
            if (!toClose) remaining -= n;
            counted(n);
            if (remaining == 0) finish(true);
            return n;
        }
    }

    /** A chunked body: sizes in hex, each chunk followed by CRLF, trailers read and ignored. */
    static final class Chunked extends Body {
        private long chunkLeft;
        private boolean eof;

        Chunked(HttpConnection c, long max, Consumer<Boolean> done) {
            super(c, max, done);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (eof) return -1;
            try {
                if (chunkLeft == 0) {
                    chunkLeft = chunkSize();
                    if (chunkLeft == 0) {
                        for (int i = 0; ; i++) {
                            String t = c.readLine(8 * 1024);
                            if (t == null) throw new EOFException("connection closed inside a chunked body");
                            if (t.isEmpty()) break;
                            if (i >= MAX_TRAILERS) throw new HttpProtocolException("too many trailer lines");
                        }
                        eof = true;
                        finish(true);
                        return -1;
                    }
                }
                int n = c.read(b, off, (int) Math.min(len, chunkLeft));
                if (n < 0) throw new EOFException("connection closed inside a chunked body");
                chunkLeft -= n;
                if (chunkLeft == 0) {
                    String crlf = c.readLine(1024);
                    if (crlf == null) throw new EOFException("connection closed inside a chunked body");
                    if (!crlf.isEmpty()) throw new HttpProtocolException("a chunk is longer than its size line says");
                }
                return counted(n);
            } catch (IOException e) {
                close();
                throw e;
            }
        }

        private long chunkSize() throws IOException {
            String line = c.readLine(1024);
            if (line == null) throw new EOFException("connection closed inside a chunked body");
            int semi = line.indexOf(';');
            String hex = (semi < 0 ? line : line.substring(0, semi)).strip();
            if (hex.isEmpty() || hex.length() > 15 || !hex.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
                throw new HttpProtocolException("bad chunk size '" + Http1Client.shown(hex) + "'");
            }
            return Long.parseLong(hex, 16);
        }
    }
}
