package labcloud.web.view;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import labcloud.inventory.Resource;

/**
 * Everything the dashboard shows, read from the store in one go after each refresh; the pages and
 * the JSON API only ever look at this immutable value, so a failed refresh simply keeps the old one.
 *
 * @param snapshot  the latest inventory snapshot, or null when nothing has been collected yet
 * @param resources the resources of that snapshot
 * @param findings  the open audit findings
 * @param trend     one point per stored snapshot, oldest first
 * @param changes   what changed between the previous snapshot and the latest
 * @param activity  recent CloudTrail events, newest first
 * @param rules     the lab policy's settings the pages measure against
 * @param spend     the latest spend report (`labcloud cost`), or null when none was made yet
 */
public record DashboardData(Snapshot snapshot, List<Resource> resources, List<Finding> findings,
                            List<TrendPoint> trend, List<Change> changes, List<Activity> activity, Rules rules,
                            labcloud.cost.Spend spend) {

    public DashboardData(Snapshot snapshot, List<Resource> resources, List<Finding> findings,
                         List<TrendPoint> trend, List<Change> changes, List<Activity> activity, Rules rules) {
        this(snapshot, resources, findings, trend, changes, activity, rules, null);
    }

    /** The same data with a spend report. */
    public DashboardData withSpend(labcloud.cost.Spend report) {
        return new DashboardData(snapshot, resources, findings, trend, changes, activity, rules, report);
    }

    public DashboardData {
        resources = List.copyOf(resources);
        findings = List.copyOf(findings);
        trend = List.copyOf(trend);
        changes = List.copyOf(changes);
        activity = List.copyOf(activity);
        if (rules == null) rules = Rules.DEFAULT;
    }

    public static DashboardData empty(Rules rules) {
        return new DashboardData(null, List.of(), List.of(), List.of(), List.of(), List.of(), rules);
    }

    /**
     * From the lab policy: the tags every resource of {@code taggedTypes} must carry, and the age
     * (days) after which an active access key must be rotated.
     */
    public record Rules(List<String> requiredTags, List<String> taggedTypes, int rotationDays) {
        public static final Rules DEFAULT = new Rules(List.of("Email", "Owner", "Project", "Task"),
                List.of(Resource.EC2_INSTANCE, Resource.EBS_VOLUME, Resource.EBS_SNAPSHOT, Resource.EFS_FILESYSTEM,
                        Resource.S3_BUCKET, Resource.ELASTIC_IP), 90);
    }

    /** One inventory snapshot: when it was taken and which regions or services failed then. */
    public record Snapshot(long id, Instant takenAt, String account, List<String> errors) {}

    /** An open audit finding with the first and last time it was seen. */
    public record Finding(String rule, String severity, String resourceType, String resourceId, String region,
                          String message, Instant firstSeen, Instant lastSeen) {}

    /** Totals of one snapshot, for the trend charts. */
    public record TrendPoint(long snapshotId, Instant takenAt, int resources, double monthlyCost,
                             Map<String, Integer> findingsByRule) {}

    /** A resource that appeared, disappeared or changed (with the fields that changed) since the previous snapshot. */
    public record Change(String change, String type, String id, String region, String name, List<String> fields) {}

    /** One CloudTrail event: who did what to which resources ({@code resourceId}: their ids, comma-separated). */
    public record Activity(Instant time, String user, String event, String resourceId, String region, String sourceIp) {}
}
