package labcloud.advise;

import java.util.LinkedHashMap;
import java.util.Map;
import labcloud.advise.profile.Profile;

/**
 * The advice inputs a profile gives: memory with headroom, cores, hours of a run, GPU, and the
 * bytes read and written as the data and results (scaled figures when the profile has them).
 * Flags given with {@code --from-profile} override these.
 */
public final class ProfileInputs {
    /** Memory is rounded up to whole GiB after this headroom: a job that peaked at exactly the RAM it had would swap. */
    public static final double HEADROOM = 1.25;
    private static final double GIB = 1L << 30;

    private ProfileInputs() {}

    public static Map<String, Object> from(Profile p) {
        Map<String, Object> m = new LinkedHashMap<>();
        Profile.Scaled s = p.scaled();
        long peak = s != null ? s.peakMemoryBytes() : p.peakMemoryBytes();
        // Without the time it spent waiting for a CPU that other work held, when the kernel told.
        double wall = (p.idleWallSeconds() != null ? p.idleWallSeconds() : p.wallSeconds()) * (s != null ? p.scale() : 1);
        m.put("ram", Math.max(1, Math.ceil(peak * HEADROOM / GIB)) * GIB);
        // The cores it wanted when the machine was busy with other work; 2.03 of a busy 2-core job is 2.
        double cores = p.coresWanted() != null ? Math.max(p.cores(), p.coresWanted()) : p.cores();
        m.put("cores", Math.max(1.0, Math.ceil(cores - 0.1)));
        m.put("hours", Math.ceil(wall / 36.0) / 100.0); // hundredths of an hour, rounded up
        boolean gpu = p.gpu() != null && p.gpu().peakMemoryBytes() > 0;
        m.put("gpu", gpu);
        if (gpu) m.put("gpuMemory", Math.ceil(p.gpu().peakMemoryBytes() * HEADROOM / GIB) * GIB);
        if (p.io() != null) {
            m.put("data", (double) (s != null ? s.readBytes() : p.io().readBytes()));
            m.put("results", (double) (s != null ? s.writtenBytes() : p.io().writtenBytes()));
        }
        return m;
    }
}
