package labcloud.core;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * A print stream that passes every line through a redaction function before it reaches the
 * underlying stream. Installed as System.out and System.err, so that no code path (our own,
 * a library's log line, an uncaught exception's stack trace) can print a secret.
 */
public final class RedactingPrintStream extends PrintStream {
    private final OutputStream target;
    private final UnaryOperator<String> redact;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    /**
     * Redacted lines not yet written: what one write call completes goes out in one system call (a
     * scan's JSON report of 3,000 skipped files took 9,000 writes, one per line, on the critical path).
     */
    private final ByteArrayOutputStream ready = new ByteArrayOutputStream(8192);
    /**
     * After a line that opens a private key: key-body lines and the END line are dropped; the first
     * other line ends the block and is printed (a BEGIN marker in a file name hides nothing after it).
     */
    private boolean inPrivateKey;
    /** A short base64 line inside a key block, held until the next line says whether it was the key's last. */
    private String held;

    public RedactingPrintStream(OutputStream target, UnaryOperator<String> redact) {
        super(target, true, StandardCharsets.UTF_8);
        this.target = target;
        this.redact = redact;
    }

    @Override
    public synchronized void write(int b) {
        line.write(b);
        if (b == '\n') {
            flushLine();
            drain();
        }
    }

    @Override
    public synchronized void write(byte[] buf, int off, int len) {
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (buf[i] == '\n') {
                line.write(buf, start, i - start + 1);
                flushLine();
                start = i + 1;
            }
        }
        if (start < off + len) line.write(buf, start, off + len - start);
        drain();
    }

    @Override
    public synchronized void flush() {
        // A partial line (a progress bar redraw, a prompt) is emitted as is after redaction.
        if (line.size() > 0) flushLine();
        flushTarget();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (held != null) emit(held); // the output ended: it was not a key's last line
            held = null;
        }
        flush();
        super.close();
    }

    private void flushLine() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (inPrivateKey) {
            if (held != null) {
                String h = held;
                held = null;
                inPrivateKey = false;
                if (Redactor.closesPrivateKey(text)) return;
                emit(h);
            } else if (Redactor.closesPrivateKey(text)) {
                inPrivateKey = false;
                return;
            } else if (Redactor.privateKeyBodyLine(text)) {
                return;
            } else if (Redactor.shortBase64Line(text)) {
                held = text;
                return;
            } else {
                inPrivateKey = false;
            }
        }
        if (Redactor.opensPrivateKey(text)) inPrivateKey = true;
        emit(text);
    }

    private void emit(String text) {
        ready.writeBytes(redact.apply(text).getBytes(StandardCharsets.UTF_8));
    }

    /** Writes the redacted lines out, if there are any, and flushes the stream under them. */
    private void drain() {
        if (ready.size() > 0) flushTarget();
    }

    private void flushTarget() {
        try {
            ready.writeTo(target);
            target.flush();
        } catch (Exception e) {
            setError();
        } finally {
            ready.reset();
        }
    }
}
