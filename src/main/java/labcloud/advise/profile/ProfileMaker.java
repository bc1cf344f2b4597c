package labcloud.advise.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns the raw figures of a run into a {@link Profile}, scaled when asked. */
final class ProfileMaker {
    private ProfileMaker() {}

    static Profile make(Profiler.Measurement m, double scale) {
        List<String> notes = new ArrayList<>();
        String[] totals = m.wrapperTotals() == null ? new String[0] : m.wrapperTotals().split("\n", 2);
        double cpu;
        Profile.Io io;
        if (totals.length == 2 && totals[0].contains(")")) {
            cpu = ProcStats.ticks(totals[0])[1] / (double) ProcStats.TICKS_PER_SECOND;
            ProcStats.Io t = ProcStats.parseIo(totals[1].lines().toList());
            io = new Profile.Io(t.rchar(), t.wchar(), t.readBytes(), t.writeBytes(),
                    "kernel totals of the command and every descendant it waited for (/proc io of the waiting shell)");
        } else {
            // Cut short (timeout or a kill): only what the samples saw.
            cpu = m.lastByPid().values().stream().mapToLong(ProcStats::ownTicks).sum() / (double) ProcStats.TICKS_PER_SECOND;
            io = new Profile.Io(0, 0, 0, 0, "unknown: the run was cut short before the kernel's totals could be read");
            notes.add("the run did not finish normally: CPU time is what the samples saw, and I/O is unknown");
        }
        long largestHwm = m.hwmByPid().values().stream().mapToLong(Long::longValue).max().orElse(0);
        long sumHwm = m.hwmByPid().values().stream().mapToLong(Long::longValue).sum();
        long peak = Math.max(m.treePeakBytes(), largestHwm);
        Profile.Memory memory = new Profile.Memory(m.treePeakBytes(), largestHwm, sumHwm, m.samples(), m.intervalMs(),
                m.hwmByPid().size(), "resident memory of every process in the tree summed every " + m.intervalMs()
                + " ms, and each process's own peak (VmHWM); processes living less than one interval may be missed");
        double cores = m.wallSeconds() > 0 ? cpu / m.wallSeconds() : 0;
        long demandNs = m.lastByPid().values().stream().mapToLong(s -> s.runNs() + s.waitNs()).sum();
        Double wanted = demandNs > 0 && m.wallSeconds() > 0 ? round(demandNs / 1e9 / m.wallSeconds()) : null;
        long waitNs = m.lastByPid().values().stream().mapToLong(ProcStats::waitNs).sum();
        Double idleWall = wanted == null ? null : round(Math.max(cpu / Math.max(1, wanted),
                m.wallSeconds() - waitNs / 1e9 / Math.max(1, wanted)));
        if (wanted != null && wanted > cores * 1.3 + 0.1) {
            notes.add(String.format(Locale.ROOT, "the job waited for a CPU: it used %.2f cores but wanted about %.2f (this machine was busy "
                    + "with other work); advice uses the cores it wanted and %s of wall time without the waits", cores, wanted,
                    seconds(idleWall)));
        }
        if (m.wallSeconds() < 1) notes.add("the run took under a second: CPU time is counted in 10 ms ticks, so cores used is rough");
        if (m.exitCode() != 0) notes.add("the command failed (exit " + m.exitCode() + "): a failed run may not have needed what the whole job needs");
        if (m.timedOut()) notes.add("the command was stopped at the time limit");
        Profile.Scaled scaled = null;
        if (scale != 1) {
            scaled = new Profile.Scaled((long) (peak * scale), m.wallSeconds() * scale, cpu * scale, (long) (io.readBytes() * scale),
                    (long) (io.writtenBytes() * scale), String.format(Locale.ROOT,
                    "linear: %s times the data needs %s times the memory, time and I/O, on the same number of cores", fmt(scale), fmt(scale)));
        }
        return new Profile(Profile.VERSION, m.command(), m.start().toString(), m.exitCode(), m.timedOut(), round(m.wallSeconds()),
                round(cpu), round(cores), wanted, idleWall, peak, memory, io, m.gpu(), host(), scale, scaled, List.copyOf(notes));
    }

    static Profile.Host host() {
        long mem = 0;
        try {
            for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (l.startsWith("MemTotal:")) mem = Long.parseLong(l.split("\\s+")[1]) * 1024;
            }
        } catch (IOException | RuntimeException ignored) {
            // the host's size is informative only
        }
        return new Profile.Host(Runtime.getRuntime().availableProcessors(), mem);
    }

    private static String seconds(Double s) {
        return s == null ? "unknown" : String.format(Locale.ROOT, "%.2f s", s);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}
