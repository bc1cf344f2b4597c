package labcloud.cli.output;

import java.io.PrintStream;
import labcloud.core.ProgressListener;

/** Redraws one status line on stderr, at most ten times a second. */
final class TerminalProgress implements ProgressListener {
    private final PrintStream err;
    private final String label;
    private long lastDraw;
    private int lastLength;

    TerminalProgress(PrintStream err, String label) {
        this.err = err;
        this.label = label;
    }

    @Override
    public synchronized void update(String status) {
        long now = System.nanoTime();
        if (now - lastDraw < 100_000_000L) return;
        lastDraw = now;
        String line = label + ": " + status;
        err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        err.flush();
        lastLength = line.length();
    }

    @Override
    public synchronized void done() {
        if (lastLength > 0) {
            err.print("\r" + " ".repeat(lastLength) + "\r");
            err.flush();
        }
        lastLength = 0;
    }
}
