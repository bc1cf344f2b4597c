package labcloud.app;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import labcloud.aws.AwsContext;
import labcloud.core.RegionError;
import labcloud.inventory.InstanceCpu;
import labcloud.machine.Machine;
import labcloud.machine.Machines;
import labcloud.pricing.PriceCatalog;

/** Use case: the lab's machines in the given regions, with cost, uptime and idleness. */
public final class MachineListing {
    /**
     * One machine as `machine list` shows it.
     *
     * @param monthly       $/month if it ran all month (instance only), null when unknown
     * @param uptimeMinutes minutes since it was last started, null unless running
     * @param idleMinutes   minutes since CPU last reached 2% (CloudWatch), null when unknown
     */
    public record Row(Machine machine, Double hourly, Double monthly, Long uptimeMinutes, Long idleMinutes,
                      Integer idleStopMinutes, Instant holdUntil) {}

    public record Result(List<Row> rows, List<RegionError> errors) {}

    private final AwsContext aws;

    public MachineListing(AwsContext aws) {
        this.aws = aws;
    }

    /** @param owner only machines whose Owner tag is this (case-insensitive); null for all */
    public Result list(List<String> regions, String owner) {
        PriceCatalog prices = PriceCatalog.load(aws.environment());
        Machines.Listing listing = new Machines(aws).list(regions);
        Instant now = Instant.now();
        List<Row> rows = new ArrayList<>();
        List<RegionError> errors = new ArrayList<>(listing.errors());
        List<Machine> mine = listing.machines().stream()
                .filter(m -> owner == null || owner.equalsIgnoreCase(m.tags().getOrDefault("Owner", ""))).toList();
        // one GetMetricData per region for the running machines' last day of CPU
        java.util.Map<String, InstanceCpu.Day> cpu = new java.util.HashMap<>();
        mine.stream().filter(Machine::running).map(Machine::region).distinct().forEach(region -> {
            try {
                cpu.putAll(InstanceCpu.lastDay(aws, region, mine.stream().filter(m -> m.running() && m.region().equals(region))
                        .map(Machine::instanceId).toList(), now));
            } catch (RuntimeException e) {
                errors.add(new RegionError(region, "cloudwatch", e.getMessage(), e instanceof labcloud.core.AuthException));
            }
        });
        for (Machine m : mine) {
            Long uptime = m.running() && m.launchTime() != null ? Duration.between(m.launchTime(), now).toMinutes() : null;
            InstanceCpu.Day day = m.running() ? cpu.get(m.instanceId()) : null;
            rows.add(new Row(m, prices.ec2Hourly(m.region(), m.type()), prices.ec2Monthly(m.region(), m.type()), uptime,
                    day == null ? null : day.idleMinutes(), m.idleStopMinutes(), m.holdUntil()));
        }
        return new Result(List.copyOf(rows), List.copyOf(errors));
    }
}
