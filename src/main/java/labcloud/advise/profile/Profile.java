package labcloud.advise.profile;

import java.util.List;

/**
 * What a run of a command needed on this machine, as {@code labcloud profile} measured it, and
 * the same scaled to more data. Saved with {@code --save} and read by {@code advise --from-profile}.
 *
 * @param command       the command line (secrets redacted)
 * @param exitCode      the command's own exit code (128+N when a signal N ended it)
 * @param cores         CPU seconds / wall seconds: the cores it kept busy on average
 * @param coresWanted   (time on a CPU + time waiting for one) / wall, over the processes sampled: the
 *                      cores it would have kept busy had none been taken by other work (null: unknown)
 * @param idleWallSeconds the wall time less the time spent waiting for a CPU (divided among the
 *                      cores wanted): about what the run takes on a machine with nothing else to do (null: unknown)
 * @param peakMemoryBytes the larger of the sampled whole-tree peak and the largest single process's high-water mark
 * @param scale         the factor of {@code scaled} (1: not scaled)
 * @param scaled        memory, times and bytes multiplied by {@code scale} (linear: an assumption)
 */
public record Profile(int version, String command, String measuredAt, int exitCode, boolean timedOut, double wallSeconds,
                      double cpuSeconds, double cores, Double coresWanted, Double idleWallSeconds, long peakMemoryBytes, Memory memory, Io io, Gpu gpu, Host host, double scale,
                      Scaled scaled, List<String> notes) {
    public static final int VERSION = 1;

    /**
     * @param sampledTreePeakBytes   the largest sum of the tree's resident memory at one sample
     * @param largestProcessHwmBytes the largest VmHWM (the kernel's own peak) of a process seen
     * @param sumOfProcessHwmBytes   every process's own peak added: an upper bound for the tree
     */
    public record Memory(long sampledTreePeakBytes, long largestProcessHwmBytes, long sumOfProcessHwmBytes, int samples,
                         int intervalMs, int processesSeen, String method) {}

    /** Bytes read and written by the whole tree; disk* are what reached the storage layer. */
    public record Io(long readBytes, long writtenBytes, long diskReadBytes, long diskWrittenBytes, String method) {}

    public record Gpu(int devices, long peakMemoryBytes, double peakUtilizationPercent, String method) {}

    public record Host(int cores, long memoryBytes) {}

    public record Scaled(long peakMemoryBytes, double wallSeconds, double cpuSeconds, long readBytes, long writtenBytes, String assumption) {}
}
