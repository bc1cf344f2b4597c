package labcloud.advise;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import labcloud.pricing.InstanceSpec;
import labcloud.pricing.PriceCatalog;

/**
 * The cheapest instance types in a region that meet a job's memory, cores and GPU, from the price
 * catalog (on-demand Linux price, and the instance specifications it carries). Burstable t-types
 * are left out: a long job would run on a fraction of each vCPU once its credits are spent.
 */
public final class InstanceChooser {
    /** What the job needs of a machine. {@code ramBytes} of memory, at least {@code cores} vCPUs. */
    public record Need(double ramBytes, double cores, boolean gpu, double gpuMemoryBytes) {}

    /** One candidate, priced. */
    public record Choice(InstanceSpec spec, double hourly) {}

    private static final double GIB = 1L << 30;

    private InstanceChooser() {}

    public static boolean meets(InstanceSpec s, Need n) {
        return !s.burstable()
                && "x86_64".equals(s.arch())
                && s.memoryGib() * GIB >= n.ramBytes()
                && s.vcpu() >= Math.ceil(n.cores())
                && (!n.gpu() || s.gpus() >= 1)
                && (n.gpuMemoryBytes() <= 0 || s.gpus() >= 1 && s.gpuMemoryGib() * GIB >= n.gpuMemoryBytes());
    }

    /** Up to {@code count} types that meet the need, cheapest first (ties: by name). */
    public static List<Choice> cheapest(PriceCatalog catalog, String region, Need need, int count) {
        List<Choice> all = new ArrayList<>();
        for (InstanceSpec s : catalog.instanceSpecs().values()) {
            Double hourly = catalog.ec2Hourly(region, s.type());
            if (hourly != null && meets(s, need)) all.add(new Choice(s, hourly));
        }
        all.sort(Comparator.comparingDouble(Choice::hourly).thenComparing(c -> c.spec().type()));
        return List.copyOf(all.subList(0, Math.min(count, all.size())));
    }
}
