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

    /** A day of CPU: the highest hourly average and how many hours had data. */
    public record Day(double maxHourlyPercent, int hours) {}

    private static final int QUERIES_PER_CALL = 500;

    /**
     * The last 24 hours of CPU for many instances of one region, in batches of GetMetricData
     * (500 instances a call); instances without data are absent from the map.
     */
    public static java.util.Map<String, Day> lastDay(AwsContext aws, String region, List<String> instanceIds, Instant end) {
        java.util.Map<String, Day> out = new java.util.HashMap<>();
        Instant start = end.minus(Duration.ofHours(24));
        for (int from = 0; from < instanceIds.size(); from += QUERIES_PER_CALL) {
            List<String> batch = instanceIds.subList(from, Math.min(instanceIds.size(), from + QUERIES_PER_CALL));
            List<software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery> queries = new java.util.ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                String id = batch.get(i);
                queries.add(software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery.builder().id("i" + i).returnData(true)
                        .metricStat(st -> st.period(3600).stat("Average").metric(m -> m.namespace("AWS/EC2")
                                .metricName("CPUUtilization").dimensions(d -> d.name("InstanceId").value(id)))).build());
            }
            java.util.Map<String, double[]> acc = new java.util.HashMap<>();
            AwsContext.call(() -> {
                for (var page : aws.cloudWatch(region).getMetricDataPaginator(b -> b.metricDataQueries(queries)
                        .startTime(start).endTime(end))) {
                    for (var r : page.metricDataResults()) {
                        for (double v : r.values()) {
                            double[] a = acc.computeIfAbsent(r.id(), k -> new double[] {0, 0});
                            a[0] = Math.max(a[0], v);
                            a[1]++;
                        }
                    }
                }
                return null;
            });
            acc.forEach((qid, a) -> out.put(batch.get(Integer.parseInt(qid.substring(1))), new Day(a[0], (int) a[1])));
        }
        return out;
    }

    /** The highest period average, or null without samples. */
    public static Double max(List<Sample> samples) {
        var m = samples.stream().mapToDouble(Sample::percent).max();
        return m.isPresent() ? m.getAsDouble() : null;
    }
}
