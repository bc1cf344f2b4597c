package labcloud.inventory;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import labcloud.aws.AwsContext;

/**
 * An instance's CPU use from CloudWatch's AWS/EC2 CPUUtilization metric (basic monitoring, free):
 * the averages of a window in fixed periods. Used for idle minutes and the idle-running audit rule.
 */
public final class InstanceCpu {
    /** One period's average CPU percent. */
    public record Sample(Instant start, double percent) {}

    private InstanceCpu() {}

    /** Below this average CPU percent a 5-minute period counts as idle (the machine alarm's threshold too). */
    public static final double IDLE_PERCENT = 2.0;
    private static final Duration PERIOD = Duration.ofMinutes(5);

    /**
     * A day of CPU in 5-minute averages.
     *
     * @param maxPercent  the highest 5-minute average
     * @param hours       hours covered by data (periods x 5 min)
     * @param idleMinutes minutes since the last period at or above {@link #IDLE_PERCENT} (or since the first period)
     */
    public record Day(double maxPercent, double hours, long idleMinutes) {}

    private static final int QUERIES_PER_CALL = 500;

    /**
     * The last 24 hours of CPU for many instances of one region, in 5-minute averages (basic
     * monitoring), in batches of GetMetricData (500 instances a call, paginated: 288 points each);
     * instances without data are absent from the map.
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
                        .metricStat(st -> st.period((int) PERIOD.toSeconds()).stat("Average").metric(m -> m.namespace("AWS/EC2")
                                .metricName("CPUUtilization").dimensions(d -> d.name("InstanceId").value(id)))).build());
            }
            java.util.Map<String, List<Sample>> acc = new java.util.HashMap<>();
            AwsContext.call(() -> {
                for (var page : aws.cloudWatch(region).getMetricDataPaginator(b -> b.metricDataQueries(queries)
                        .startTime(start).endTime(end))) {
                    for (var r : page.metricDataResults()) {
                        List<Sample> list = acc.computeIfAbsent(r.id(), k -> new java.util.ArrayList<>());
                        for (int k = 0; k < r.values().size() && k < r.timestamps().size(); k++) {
                            list.add(new Sample(r.timestamps().get(k), r.values().get(k)));
                        }
                    }
                }
                return null;
            });
            acc.forEach((qid, list) -> {
                if (list.isEmpty()) return;
                list.sort(Comparator.comparing(Sample::start));
                out.put(batch.get(Integer.parseInt(qid.substring(1))),
                        new Day(max(list), list.size() * PERIOD.toMinutes() / 60.0, idleMinutes(list, end, PERIOD)));
            });
        }
        return out;
    }

    /** Minutes since the last period at or above {@link #IDLE_PERCENT}, or since the first period; null without samples. */
    public static Long idleMinutes(List<Sample> samples, Instant now, Duration period) {
        if (samples.isEmpty()) return null;
        Instant lastBusy = null;
        for (Sample s : samples) {
            if (s.percent() >= IDLE_PERCENT && (lastBusy == null || s.start().plus(period).isAfter(lastBusy))) {
                lastBusy = s.start().plus(period);
            }
        }
        Instant since = lastBusy != null ? lastBusy : samples.stream().map(Sample::start).min(Comparator.naturalOrder()).get();
        return Math.max(0, Duration.between(since, now).toMinutes());
    }

    /** The highest period average, or null without samples. */
    public static Double max(List<Sample> samples) {
        var m = samples.stream().mapToDouble(Sample::percent).max();
        return m.isPresent() ? m.getAsDouble() : null;
    }
}
