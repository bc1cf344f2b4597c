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
    /** Inside a PEM private key block that spans lines: drop lines until its END marker. */
    private boolean inPrivateKey;

    public RedactingPrintStream(OutputStream target, UnaryOperator<String> redact) {
        super(target, true, StandardCharsets.UTF_8);
        this.target = target;
        this.redact = redact;
    }

    @Override
    public synchronized void write(int b) {
        line.write(b);
        if (b == '\n') flushLine();
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
    }

    @Override
    public synchronized void flush() {
        // A partial line (a progress bar redraw, a prompt) is emitted as is after redaction.
        if (line.size() > 0) flushLine();
        try {
            target.flush();
        } catch (Exception e) {
            setError();
        }
    }

    @Override
    public void close() {
        flush();
        super.close();
    }

    private void flushLine() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        String out;
        if (inPrivateKey) {
            if (text.contains("PRIVATE KEY-----")) inPrivateKey = false;
            return;
        }
        if (text.contains("-----BEGIN") && text.contains("PRIVATE KEY-----") && !text.contains("-----END")) {
            inPrivateKey = true;
        }
        out = redact.apply(text);
        try {
            target.write(out.getBytes(StandardCharsets.UTF_8));
            if (out.endsWith("\n")) target.flush();
        } catch (Exception e) {
            setError();
        }
    }
}
