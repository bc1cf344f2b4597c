package labcloud.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import labcloud.aws.AwsContext;
import labcloud.aws.RegionError;
import labcloud.core.ExitCode;
import labcloud.core.LabcloudException;
import labcloud.inventory.Inventory;
import labcloud.inventory.InventoryOptions;
import labcloud.inventory.InventoryService;
import labcloud.inventory.ResourceTypes;
import labcloud.policy.AuditService;
import labcloud.policy.FindingHistory;
import labcloud.policy.LabPolicy;
import labcloud.policy.RuleConfig;
import labcloud.store.SnapshotStore;
import labcloud.store.Store;
import labcloud.trail.TrailEvent;
import labcloud.trail.TrailFilter;
import labcloud.trail.TrailResult;
import labcloud.trail.TrailService;

/**
 * The dashboard wired to the lab's capabilities: a refresh collects the inventory, runs the audit
 * (which records its findings in the store) and reads the last week of CloudTrail activity; the
 * source reads it all back for the pages.
 */
public final class LabDashboard {
    /** How far back the Activity page looks. */
    public static final Duration ACTIVITY_WINDOW = Duration.ofDays(7);
    static final int MAX_ACTIVITY = 2000;

    private final AwsContext aws;
    private final Store store;
    private final List<String> regions;
    private final LabPolicy policy;
    private final boolean deep;
    private final SnapshotHistory snapshots;

    private LabDashboard(AwsContext aws, Store store, List<String> regions, LabPolicy policy, boolean deep) {
        this.aws = aws;
        this.store = store;
        this.regions = regions;
        this.policy = policy;
        this.deep = deep;
        this.snapshots = new SnapshotHistory(new SnapshotStore(store));
    }

    /**
     * @param aws     the account to refresh from; null when the dashboard only shows the store
     * @param regions the regions to collect, or null for every enabled region
     */
    public static LabDashboard of(AwsContext aws, Store store, List<String> regions, LabPolicy policy) {
        return new LabDashboard(aws, store, regions, policy, false);
    }

    /** The same, listing bucket contents for their sizes where CloudWatch has none (the demo's emulator has none). */
    public LabDashboard withDeepBucketSizes() {
        return new LabDashboard(aws, store, regions, policy, true);
    }

    /** Collect, audit, read the trail, store. Fails (keeping the last good data on screen) when nothing could be read. */
    public RefreshJob refreshJob() {
        return () -> {
            List<String> rs = regions != null ? regions : aws.resolveRegions("all");
            Inventory inv = InventoryService.collect(aws, new InventoryOptions(rs, ResourceTypes.ALL, deep, Instant.now()));
            if (inv.resources().isEmpty() && !inv.errors().isEmpty()) {
                RegionError first = inv.errors().get(0);
                throw new LabcloudException(ExitCode.FAILED, "inventory failed in every region and service ("
                        + first.region() + " " + first.service() + ": " + first.message() + ")");
            }
            new AuditService(aws).audit(policy, inv.account(), inv.resources(), inv.errors(), rs, Instant.now(), false,
                    new FindingHistory(store));
            Instant now = Instant.now();
            TrailResult trail = new TrailService(aws).events(TrailFilter.between(now.minus(ACTIVITY_WINDOW), now), rs,
                    TrailService.Source.AUTO);
            if (!trail.events().isEmpty() || !trail.partial()) {
                new ActivityStore(store).replace(inv.account(), activity(trail.events()));
            }
            snapshots.add(inv);
        };
    }

    /** What the pages show: the latest snapshot with its changes and trend, open findings, recent activity. */
    public DashboardSource source() {
        return () -> {
            DashboardData.Rules rules = rules(policy);
            SnapshotHistory.View view = snapshots.view();
            if (view.latest() == null) return DashboardData.empty(rules);
            Inventory inv = view.latest();
            FindingsReader findings = new FindingsReader(store);
            List<Instant> moments = view.trend().stream().map(DashboardData.TrendPoint::takenAt).toList();
            Map<Instant, Map<String, Integer>> open = findings.openAt(inv.account(), moments);
            List<DashboardData.TrendPoint> trend = view.trend().stream().map(p -> new DashboardData.TrendPoint(p.snapshotId(),
                    p.takenAt(), p.resources(), p.monthlyCost(), open.getOrDefault(p.takenAt(), Map.of()))).toList();
            List<String> errors = inv.errors().stream().map(e -> e.region() + " " + e.service() + ": " + e.message()).toList();
            return new DashboardData(new DashboardData.Snapshot(view.latestId(), inv.generatedAt(), inv.account(), errors),
                    inv.resources(), findings.open(inv.account()), trend, view.changes(),
                    new ActivityStore(store).recent(inv.account(), MAX_ACTIVITY), rules);
        };
    }

    /** The policy's required tags and key rotation age, as the pages measure against them. */
    static DashboardData.Rules rules(LabPolicy policy) {
        DashboardData.Rules d = DashboardData.Rules.DEFAULT;
        if (policy == null) return d;
        RuleConfig tags = policy.rule("required-tags");
        RuleConfig keys = policy.rule("access-key-age");
        return new DashboardData.Rules(
                tags == null ? d.requiredTags() : tags.listParam("keys"),
                tags == null ? d.taggedTypes() : tags.listParam("resourceTypes"),
                keys == null ? d.rotationDays() : keys.intParam("maxDays"));
    }

    static List<DashboardData.Activity> activity(List<TrailEvent> events) {
        List<DashboardData.Activity> out = new ArrayList<>();
        for (TrailEvent e : events) {
            String ids = e.resources() == null || e.resources().isEmpty() ? null : String.join(", ", e.resources());
            out.add(new DashboardData.Activity(e.time(), e.user(), e.event(), ids, e.region(), e.sourceIp()));
        }
        out.sort((a, b) -> b.time().compareTo(a.time()));
        return out.size() > MAX_ACTIVITY ? List.copyOf(out.subList(0, MAX_ACTIVITY)) : out;
    }
}
