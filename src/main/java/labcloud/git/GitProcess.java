package labcloud.git;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/**
 * A running git command with deadlines: it is killed when it runs longer than {@code total}, or
 * when a read of its output waits longer than {@code idle} (git produced nothing while we waited).
 * A read after the kill fails with a message that says which deadline passed.
 */
public final class GitProcess implements AutoCloseable {
    private final Process process;
    private final String name;
    private final long totalNanos;
    private final long idleNanos;
    private final long started = System.nanoTime();
    private final InputStream stdout;
    /** When the pending read of stdout began (0: none pending). */
    private volatile long readingSince;
    private volatile String killedBecause;

    GitProcess(Process process, String name, Duration total, Duration idle) {
        this.process = process;
        this.name = name;
        this.totalNanos = total.toNanos();
        this.idleNanos = idle.toNanos();
        this.stdout = new Watched(process.getInputStream());
        Thread.ofVirtual().name("git-deadline").start(this::watch);
    }

    private void watch() {
        try {
            while (!process.waitFor(Math.min(250, Math.max(1, idleNanos / 4_000_000)), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                long now = System.nanoTime();
                long since = readingSince;
                if (now - started > totalNanos) {
                    kill("ran longer than " + seconds(totalNanos));
                } else if (since != 0 && now - since > idleNanos) {
                    kill("gave no output for " + seconds(idleNanos));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void kill(String why) {
        killedBecause = "git " + name + " " + why + " and was stopped";
        process.destroyForcibly();
    }

    private static String seconds(long nanos) {
        Duration d = Duration.ofNanos(nanos);
        return d.toSeconds() > 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    public InputStream stdout() {
        return stdout;
    }

    public OutputStream stdin() {
        return process.getOutputStream();
    }

    public InputStream stderr() {
        return process.getErrorStream();
    }

    /** Waits for the exit code (the deadlines still apply); throws when a deadline killed it. */
    public int waitFor() throws IOException, InterruptedException {
        int code = process.waitFor();
        failIfKilled();
        return code;
    }

    /** The reason the process was killed, or null. */
    public String killedBecause() {
        return killedBecause;
    }

    private void failIfKilled() throws IOException {
        String why = killedBecause;
        if (why != null) throw new IOException(why);
    }

    @Override
    public void close() {
        process.destroy();
    }

    private final class Watched extends FilterInputStream {
        Watched(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            readingSince = System.nanoTime();
            try {
                int c;
                try {
                    c = super.read();
                } catch (IOException e) {
                    failIfKilled();
                    throw e;
                }
                if (c < 0) failIfKilled();
                return c;
            } finally {
                readingSince = 0;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            readingSince = System.nanoTime();
            try {
                int n;
                try {
                    n = super.read(b, off, len);
                } catch (IOException e) {
                    failIfKilled();
                    throw e;
                }
                if (n < 0) failIfKilled();
                return n;
            } finally {
                readingSince = 0;
            }
        }
    }
}
