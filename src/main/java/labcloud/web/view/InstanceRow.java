package labcloud.web.view;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import labcloud.inventory.Resource;

/** One line of the Instances table; uptime counts only for running instances, as of the snapshot. */
public record InstanceRow(String id, String name, String region, String state, String instanceType, Instant launchedAt,
                          Double uptimeHours, Double monthlyCost, String owner, String project, Map<String, String> tags) {

    public static InstanceRow of(Resource r, Instant asOf) {
        Instant launched = r.createdAt();
        String launchKey = Details.text(r.details(), "launchTime");
        if (launchKey != null) {
            try {
                launched = Instant.parse(launchKey);
            } catch (java.time.format.DateTimeParseException ignored) {
                // keep createdAt
            }
        }
        Double uptime = "running".equals(r.state()) && launched != null && asOf != null
                ? Math.max(0, Duration.between(launched, asOf).toMinutes() / 60.0) : null;
        return new InstanceRow(r.id(), r.name(), r.region(), r.state(), Details.text(r.details(), "instanceType"), launched,
                uptime, r.monthlyCost(), Breakdown.tag(r, "Owner"), Breakdown.tag(r, "Project"),
                r.tags() == null ? Map.of() : r.tags());
    }
}
