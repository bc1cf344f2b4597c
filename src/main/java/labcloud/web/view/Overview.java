package labcloud.web.view;

import java.util.List;
import java.util.Map;
import labcloud.inventory.Resource;

/** The Overview page and {@code /api/overview}: where the money goes, what the audit found, what changed. */
public record Overview(DashboardData.Snapshot snapshot, int resources, double monthlyCost, int unpriced,
                       Map<String, Double> costByRegion, Map<String, Double> costByType,
                       Map<String, Double> costByProject, Map<String, Double> costByOwner,
                       Map<String, Integer> findingsByRule, Map<String, Integer> findingsBySeverity,
                       List<DashboardData.TrendPoint> trend, List<DashboardData.Change> changes) {

    public static Overview of(DashboardData d) {
        List<Resource> rs = d.resources();
        double total = rs.stream().mapToDouble(r -> r.monthlyCost() == null ? 0 : r.monthlyCost()).sum();
        int unpriced = (int) rs.stream().filter(r -> r.monthlyCost() == null).count();
        return new Overview(d.snapshot(), rs.size(), total, unpriced,
                Breakdown.costBy(rs, Resource::region),
                Breakdown.costBy(rs, Resource::type),
                Breakdown.costBy(rs, r -> Breakdown.tag(r, "Project")),
                Breakdown.costBy(rs, r -> Breakdown.tag(r, "Owner")),
                Breakdown.countBy(d.findings(), DashboardData.Finding::rule),
                Breakdown.countBy(d.findings(), DashboardData.Finding::severity),
                d.trend(), d.changes());
    }
}
