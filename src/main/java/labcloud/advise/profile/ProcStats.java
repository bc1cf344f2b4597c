package labcloud.advise.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What Linux's /proc tells about one process: CPU ticks (its own and its reaped children's), the
 * resident memory now and its high-water mark, and its I/O counters (which include reaped
 * children's too), and the scheduler's time on a CPU and waiting for one (/proc/PID/schedstat; 0
 * when the kernel keeps none). A process that has gone between listing and reading gives null.
 */
record ProcStats(long pid, long ownTicks, long childTicks, long rssBytes, long hwmBytes, Io io, long runNs, long waitNs) {
    /** /proc/PID/io: rchar/wchar count every read()/write() (pipes, cache); read_bytes/write_bytes the storage layer's. */
    record Io(long rchar, long wchar, long readBytes, long writeBytes) {}

    /** USER_HZ: 100 on every Linux architecture labcloud runs on (x86_64, aarch64). */
    static final int TICKS_PER_SECOND = 100;

    static ProcStats read(Path proc, long pid) {
        Path dir = proc.resolve(Long.toString(pid));
        try {
            long[] ticks = ticks(Files.readString(dir.resolve("stat")));
            long rss = 0, hwm = 0;
            for (String line : Files.readAllLines(dir.resolve("status"))) {
                if (line.startsWith("VmRSS:")) rss = kib(line);
                else if (line.startsWith("VmHWM:")) hwm = kib(line);
            }
            long[] sched = schedstat(dir.resolve("schedstat"));
            return new ProcStats(pid, ticks[0], ticks[1], rss, hwm, io(dir.resolve("io")), sched[0], sched[1]);
        } catch (IOException | RuntimeException e) {
            return null; // exited meanwhile, or not ours to read
        }
    }

    /** utime+stime and cutime+cstime from a stat line; the command name may hold spaces and parentheses. */
    static long[] ticks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // after "(comm) ": state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14)
        return new long[] {Long.parseLong(f[11]) + Long.parseLong(f[12]), Long.parseLong(f[13]) + Long.parseLong(f[14])};
    }

    /** Nanoseconds on a CPU and waiting in a run queue, for all of the process's threads. */
    static long[] schedstat(Path file) {
        try {
            String[] f = Files.readString(file).trim().split("\\s+");
            return new long[] {Long.parseLong(f[0]), Long.parseLong(f[1])};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    static Io io(Path file) {
        try {
            return parseIo(Files.readAllLines(file));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static Io parseIo(java.util.List<String> lines) {
        long rchar = 0, wchar = 0, rb = 0, wb = 0;
        for (String l : lines) {
            int c = l.indexOf(':');
            if (c < 0) continue;
            long v = Long.parseLong(l.substring(c + 1).trim());
            switch (l.substring(0, c)) {
                case "rchar" -> rchar = v;
                case "wchar" -> wchar = v;
                case "read_bytes" -> rb = v;
                case "write_bytes" -> wb = v;
                default -> { }
            }
        }
        return new Io(rchar, wchar, rb, wb);
    }

    private static long kib(String statusLine) {
        String[] parts = statusLine.split("\\s+");
        return Long.parseLong(parts[1]) * 1024;
    }
}
