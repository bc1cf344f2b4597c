package labcloud.advise.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import labcloud.core.UsageException;

/**
 * Runs a command and measures what it needs: wall and CPU time, memory of the whole process tree,
 * bytes read and written, and GPU use when nvidia-smi is there.
 *
 * <p>How: the command runs under a small {@code sh} that waits for it and then copies its own
 * /proc stat and io files. Once the command is reaped, the kernel has added its CPU time and I/O,
 * and those of every descendant it reaped in turn, to that shell's counters: exact totals,
 * short-lived children included. Memory has no such total, so the tree is sampled every
 * {@code interval}: the resident memory of all descendants is summed at each sample (the tree's
 * peak, if it lasted at least one interval), and each process's own high-water mark (VmHWM, kept
 * by the kernel) is read too, so a process seen at least once reports its true peak. Processes
 * that start and end between two samples, and descendants that detach from the tree (daemons),
 * escape the memory figures; shared pages are counted once per process.
 */
public final class Profiler {
    private static final Path PROC = Path.of("/proc");
    private static final String WRAPPER = "out=$1; shift; \"$@\"; rc=$?; cat /proc/$$/stat /proc/$$/io > \"$out\" 2>/dev/null; exit $rc";

    private final Duration interval;
    private final Duration timeout;

    /** @param timeout null for none */
    public Profiler(Duration interval, Duration timeout) {
        this.interval = interval;
        this.timeout = timeout;
    }

    /** Linux only: everything here reads /proc. */
    public static boolean supported() {
        return Files.isReadable(PROC.resolve("self").resolve("io")) && Files.isExecutable(Path.of("/bin/sh"));
    }

    /**
     * Runs the command (its input and output are the terminal's) and measures it.
     *
     * @param shownCommand the command line as the profile records it (secrets redacted by the caller)
     * @param scale        the factor for the profile's scaled figures (1: none)
     */
    public Profile run(List<String> command, String shownCommand, double scale) throws IOException, InterruptedException {
        if (command.isEmpty()) throw new UsageException("no command to profile (labcloud profile -- CMD [ARGS...])");
        if (!supported()) throw new UsageException("profile needs Linux's /proc (with /proc/PID/io) and /bin/sh");
        resolve(command.get(0));
        Path totals = Files.createTempFile("labcloud-profile-", ".proc");
        List<String> argv = new ArrayList<>(List.of("/bin/sh", "-c", WRAPPER, "labcloud-profile", totals.toString()));
        argv.addAll(command);
        GpuSampler gpu = GpuSampler.find(System.getenv("PATH"));
        Map<Long, ProcStats> last = new HashMap<>();
        Map<Long, Long> hwm = new HashMap<>();
        long treePeak = 0;
        int samples = 0;
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(argv).inheritIO().start();
        long wrapperPid = p.pid();
        long nextGpu = 0;
        boolean timedOut = false;
        try {
            while (true) {
                Set<Long> pids = tree(p);
                long sum = 0;
                for (long pid : pids) {
                    ProcStats s = ProcStats.read(PROC, pid);
                    if (s == null) continue;
                    last.put(pid, s);
                    hwm.merge(pid, s.hwmBytes(), Math::max);
                    sum += s.rssBytes();
                }
                treePeak = Math.max(treePeak, sum);
                samples++;
                if (gpu != null && System.nanoTime() >= nextGpu) {
                    gpu.sample(pids);
                    nextGpu = System.nanoTime() + 1_000_000_000L;
                }
                if (p.waitFor(interval.toMillis(), TimeUnit.MILLISECONDS)) break;
                if (timeout != null && System.nanoTime() - t0 > timeout.toNanos()) {
                    timedOut = true;
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    p.waitFor(10, TimeUnit.SECONDS);
                    break;
                }
            }
        } catch (InterruptedException e) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw e;
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        int exit = p.exitValue();
        String text = Files.readString(totals);
        Files.deleteIfExists(totals);
        return ProfileMaker.make(new Measurement(shownCommand, start, exit, timedOut, wall, treePeak, hwm, last, wrapperPid, samples,
                (int) interval.toMillis(), text, gpu == null ? null : gpu.result()), scale);
    }

    /** The command's processes now (the wrapper shell itself and its final `cat` left out). */
    private static Set<Long> tree(Process p) {
        Set<Long> pids = new HashSet<>();
        p.descendants().forEach(h -> {
            String cmd = h.info().command().orElse("");
            if (h.parent().map(pp -> pp.pid() == p.pid()).orElse(false) && cmd.endsWith("/cat")
                    && h.info().arguments().map(a -> a.length > 0 && a[0].startsWith("/proc/")).orElse(false)) return;
            pids.add(h.pid());
        });
        return pids;
    }

    /** An error naming the command when the shell could not run it (not found, not executable). */
    static void resolve(String name) {
        if (name.contains("/")) {
            Path p = Path.of(name);
            if (!Files.isRegularFile(p)) throw new UsageException("no such command: " + name);
            if (!Files.isExecutable(p)) throw new UsageException("not executable: " + name);
            return;
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(":")) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name)) && Files.isRegularFile(Path.of(dir, name))) return;
            }
        }
        throw new UsageException("command not found on the PATH: " + name);
    }

    /** Raw results of one run, turned into a {@link Profile} by {@link ProfileMaker}. */
    record Measurement(String command, Instant start, int exitCode, boolean timedOut, double wallSeconds, long treePeakBytes,
                       Map<Long, Long> hwmByPid, Map<Long, ProcStats> lastByPid, long wrapperPid, int samples, int intervalMs,
                       String wrapperTotals, Profile.Gpu gpu) {}
}
