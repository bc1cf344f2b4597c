package labcloud.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import labcloud.app.Lab;
import labcloud.app.LabRefresh;
import labcloud.inventory.Inventory;
import labcloud.inventory.SnapshotStore;
import labcloud.policy.LabPolicy;
import labcloud.policy.rules.RuleConfig;
import labcloud.store.Store;
import labcloud.trail.TrailEvent;
import labcloud.web.view.DashboardData;

/**
 * The dashboard wired to the lab: a refresh is the lab's refresh use case ({@link LabRefresh}:
 * collect, audit with the lab's policy, read the last week of CloudTrail, save), whose trail events
 * become the Activity page; the source reads it all back from the store for the pages.
 */
public final class LabDashboard {
    /** How far back the Activity page looks. */
    public static final Duration ACTIVITY_WINDOW = LabRefresh.ACTIVITY_WINDOW;
    static final int MAX_ACTIVITY = 2000;

    private final Lab lab;
    private final Store store;
    private final LabPolicy policy;
    private final SnapshotHistory snapshots;

    private LabDashboard(Lab lab) {
        this.lab = lab;
        this.store = lab.store();
        this.policy = lab.policy();
        this.snapshots = new SnapshotHistory(new SnapshotStore(store));
    }

    /** The lab's dashboard; it refreshes only when the lab is connected to an account. */
    public static LabDashboard of(Lab lab) {
        return new LabDashboard(lab);
    }

    /** The scheduled refresh, or null when there is no account to refresh from. Fails (keeping the last good data on screen) when nothing could be read. */
    public RefreshJob refreshJob() {
        if (!lab.connected()) return null;
        return () -> LabRefresh.run(lab, (account, events) -> new ActivityStore(store).replace(account, activity(events)));
    }

    /** What the pages show: the latest snapshot with its changes and trend, open findings, recent activity. */
    public DashboardSource source() {
        return () -> {
            DashboardData.Rules rules = rules(policy);
            SnapshotHistory.View view = snapshots.view();
            labcloud.cost.Spend spend = new labcloud.cost.SpendStore(store).latest(view.latest() == null ? null : view.latest().account())
                    .orElse(null);
            if (view.latest() == null) return DashboardData.empty(rules).withSpend(spend);
            Inventory inv = view.latest();
            FindingsReader findings = new FindingsReader(store);
            List<Instant> moments = view.trend().stream().map(DashboardData.TrendPoint::takenAt).toList();
            Map<Instant, Map<String, Integer>> open = findings.openAt(inv.account(), moments);
            List<DashboardData.TrendPoint> trend = view.trend().stream().map(p -> new DashboardData.TrendPoint(p.snapshotId(),
                    p.takenAt(), p.resources(), p.monthlyCost(), open.getOrDefault(p.takenAt(), Map.of()))).toList();
            List<String> errors = inv.errorLines();
            return new DashboardData(new DashboardData.Snapshot(view.latestId(), inv.generatedAt(), inv.account(), errors),
                    inv.resources(), findings.open(inv.account()), trend, view.changes(),
                    new ActivityStore(store).recent(inv.account(), MAX_ACTIVITY), rules, spend);
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
