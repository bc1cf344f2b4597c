package labcloud.inventory;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import labcloud.aws.AwsContext;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/**
 * An instance's CPU use from CloudWatch's AWS/EC2 CPUUtilization metric (basic monitoring, free):
 * the averages of a window in fixed periods. Used for idle minutes and the idle-running audit rule.
 */
public final class InstanceCpu {
    /** One period's average CPU percent. */
    public record Sample(Instant start, double percent) {}

    private InstanceCpu() {}

    /** Average CPU per period over [end - window, end], oldest first; empty when CloudWatch has no data. */
    public static List<Sample> samples(AwsContext aws, String region, String instanceId, Instant end, Duration window,
                                       Duration period) {
        var r = AwsContext.call(() -> aws.cloudWatch(region).getMetricStatistics(b -> b
                .namespace("AWS/EC2").metricName("CPUUtilization")
                .dimensions(d -> d.name("InstanceId").value(instanceId))
                .startTime(end.minus(window)).endTime(end)
                .period((int) period.toSeconds())
                .statistics(Statistic.AVERAGE)));
        return r.datapoints().stream().filter(d -> d.average() != null)
                .sorted(Comparator.comparing(Datapoint::timestamp))
                .map(d -> new Sample(d.timestamp(), d.average())).toList();
    }

    /** The highest period average, or null without samples. */
    public static Double max(List<Sample> samples) {
        var m = samples.stream().mapToDouble(Sample::percent).max();
        return m.isPresent() ? m.getAsDouble() : null;
    }
}
