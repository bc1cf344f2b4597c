package labcloud.web.view;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import labcloud.web.view.DashboardData.Activity;

/** The Activity page: recent CloudTrail events, and who or what was busiest. */
public record ActivityReport(List<Count> byUser, List<Count> byResource, List<Activity> events) {
    public static final int MAX_EVENTS = 500;

    public record Count(String name, int events, Instant last, Map<String, Integer> byEvent) {}

    public static ActivityReport of(DashboardData d) {
        List<Activity> events = d.activity().stream()
                .sorted(Comparator.comparing(Activity::time, Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(MAX_EVENTS).toList();
        List<Activity> perResource = new java.util.ArrayList<>();
        for (Activity a : d.activity()) {
            if (a.resourceId() == null) continue;
            for (String id : a.resourceId().split(",\\s*")) {
                perResource.add(new Activity(a.time(), a.user(), a.event(), id, a.region(), a.sourceIp()));
            }
        }
        return new ActivityReport(counts(d.activity(), Activity::user), counts(perResource, Activity::resourceId), events);
    }

    private static List<Count> counts(List<Activity> events, Function<Activity, String> key) {
        Map<String, List<Activity>> groups = new LinkedHashMap<>();
        for (Activity a : events) {
            String k = key.apply(a);
            if (k == null || k.isBlank()) continue;
            groups.computeIfAbsent(k, x -> new java.util.ArrayList<>()).add(a);
        }
        return groups.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue().size(),
                        e.getValue().stream().map(Activity::time).filter(java.util.Objects::nonNull).max(Comparator.naturalOrder()).orElse(null),
                        Breakdown.countBy(e.getValue(), Activity::event)))
                .sorted(Comparator.comparingInt(Count::events).reversed().thenComparing(Count::name)).toList();
    }
}
