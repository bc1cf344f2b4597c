package labcloud.machine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import labcloud.aws.AwsContext;
import labcloud.aws.FanOut;
import labcloud.core.RegionError;
import labcloud.core.UsageException;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Reservation;

/** Finding lab machines: the instances that carry the labcloud:machine tag and are not terminated. */
public final class Machines {
    private static final List<String> LIVE = List.of("pending", "running", "stopping", "stopped", "shutting-down");

    private final AwsContext aws;

    public Machines(AwsContext aws) {
        this.aws = aws;
    }

    /** The machines of one region, optionally only those with one name. */
    public List<Machine> inRegion(String region, String name) {
        List<Machine> out = new ArrayList<>();
        AwsContext.call(() -> {
            for (Reservation r : aws.ec2(region).describeInstancesPaginator(b -> b.filters(
                    f -> f.name(name == null ? "tag-key" : "tag:" + MachineTags.NAME).values(name == null ? MachineTags.NAME : name),
                    f -> f.name("instance-state-name").values(LIVE))).reservations()) {
                for (Instance i : r.instances()) out.add(Machine.of(i, region));
            }
            return null;
        });
        out.sort(Comparator.comparing(Machine::name));
        return out;
    }

    /** The machines of several regions; a region that fails is listed in errors. */
    public Listing list(List<String> regions) {
        List<FanOut.Job<List<Machine>>> jobs = new ArrayList<>();
        for (String region : regions) jobs.add(new FanOut.Job<>(region, "ec2", () -> inRegion(region, null)));
        FanOut.Result<List<Machine>> result = aws.fanOut().run(jobs);
        List<Machine> all = new ArrayList<>();
        result.values().forEach(all::addAll);
        all.sort(Comparator.comparing(Machine::name).thenComparing(Machine::region));
        return new Listing(List.copyOf(all), result.errors());
    }

    public record Listing(List<Machine> machines, List<RegionError> errors) {}

    /** The machine with this name in the region, if there is one. */
    public Optional<Machine> find(String region, String name) {
        return inRegion(region, name).stream().findFirst();
    }

    /** The machine with this name, or bad input naming the region looked in. */
    public Machine require(String region, String name) {
        MachineTags.checkName(name);
        return find(region, name).orElseThrow(() -> new UsageException("no machine named '" + name + "' in " + region
                + " (see 'labcloud machine list')"));
    }
}
