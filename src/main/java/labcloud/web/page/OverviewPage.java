package labcloud.web.page;

import java.util.List;
import labcloud.web.view.DashboardData;
import labcloud.web.view.DashboardModel;
import labcloud.web.view.RefreshStatus;
import labcloud.web.view.Overview;

/** Overview: totals, cost charts (drawn by overview.js from /api/overview), findings and their trend, changes. */
public final class OverviewPage {
    /** A page, not a dump: a big churn lists its first rows; the API has them all. */
    static final int MAX_CHANGES = 500;

    private OverviewPage() {}

    public static String render(DashboardModel model, RefreshStatus status) {
        Overview o = model.overview();
        return Layout.render("/", model, status, List.of("/vendor/chart.umd.min.js", "/static/charts.js", "/static/overview.js"), h -> {
            h.raw("<div class=\"cards\">");
            Layout.card(h, "total-cost", "estimated per month", Html.money(o.monthlyCost()));
            Layout.card(h, "resource-count", "resources", String.valueOf(o.resources()));
            Layout.card(h, "finding-count", "open findings", String.valueOf(model.data().findings().size()));
            Layout.card(h, "change-count", "changes since last snapshot", String.valueOf(o.changes().size()));
            if (o.unpriced() > 0) Layout.card(h, "unpriced-count", "resources without a price", String.valueOf(o.unpriced()));
            h.raw("</div>");

            h.raw("<div class=\"grid\">");
            chart(h, "cost-by-region", "Cost by region", "Region", o.costByRegion());
            chart(h, "cost-by-type", "Cost by resource type", "Type", o.costByType());
            chart(h, "cost-by-project", "Cost by Project", "Project", o.costByProject());
            chart(h, "cost-by-owner", "Cost by Owner", "Owner", o.costByOwner());
            h.raw("</div>");

            h.raw("<div class=\"grid\">");
            h.raw("<section id=\"findings\"><h2>Findings by rule</h2><div class=\"chart\"><canvas id=\"chart-findings-by-rule\"></canvas></div>");
            Layout.breakdownTable(h, "table-findings-by-rule", "Rule", "Findings", o.findingsByRule(), false);
            h.raw("</section>");
            h.raw("<section id=\"trend\"><h2>Trend across snapshots</h2><div class=\"chart\"><canvas id=\"chart-trend\"></canvas></div>");
            // One column per rule that had findings in any snapshot: the trend of each rule, not just the total.
            java.util.SortedSet<String> rules = new java.util.TreeSet<>();
            o.trend().forEach(p -> rules.addAll(p.findingsByRule().keySet()));
            h.raw("<details><summary>as a table</summary><table id=\"table-trend\"><thead><tr><th>Snapshot</th><th>Taken</th>"
                    + "<th class=\"num\">Resources</th><th class=\"num\">Cost/month</th><th class=\"num\">Findings</th>");
            for (String rule : rules) h.raw("<th class=\"num\">").text(rule).raw("</th>");
            h.raw("</tr></thead><tbody>");
            for (DashboardData.TrendPoint p : o.trend()) {
                int findings = p.findingsByRule().values().stream().mapToInt(Integer::intValue).sum();
                h.raw("<tr>").cell("#" + p.snapshotId()).cell(Html.time(p.takenAt())).numberCell(String.valueOf(p.resources()))
                        .numberCell(Html.money(p.monthlyCost())).numberCell(String.valueOf(findings));
                for (String rule : rules) h.numberCell(String.valueOf(p.findingsByRule().getOrDefault(rule, 0)));
                h.raw("</tr>");
            }
            h.raw("</tbody></table></details></section>");
            h.raw("</div>");

            Layout.section(h, "changes", "Changes since the previous snapshot");
            h.raw("<table id=\"table-changes\"><thead><tr><th>Change</th><th>Type</th><th>Id</th><th>Name</th><th>Region</th>"
                    + "<th>Fields</th></tr></thead><tbody>");
            for (DashboardData.Change c : o.changes().subList(0, Math.min(o.changes().size(), MAX_CHANGES))) {
                h.raw("<tr").attr("class", "change-" + c.change()).raw(">").cell(c.change()).cell(c.type()).cell(c.id()).cell(c.name())
                        .cell(c.region()).cell(String.join(", ", c.fields())).raw("</tr>");
            }
            if (o.changes().isEmpty()) h.raw("<tr><td colspan=\"6\" class=\"empty\">no changes</td></tr>");
            if (o.changes().size() > MAX_CHANGES) {
                h.raw("<tr><td colspan=\"6\" class=\"more\">").text("and " + (o.changes().size() - MAX_CHANGES)
                        + " more (all of them: /api/overview)").raw("</td></tr>");
            }
            h.raw("</tbody></table></section>");
        });
    }

    private static void chart(Html h, String id, String title, String keyLabel, java.util.Map<String, Double> values) {
        h.raw("<section").attr("id", id).raw("><h2>").text(title).raw("</h2>")
                .raw("<div class=\"chart\"><canvas").attr("id", "chart-" + id).raw("></canvas></div>");
        h.raw("<details><summary>as a table</summary>");
        Layout.breakdownTable(h, "table-" + id, keyLabel, "Cost/month", values, true);
        h.raw("</details></section>");
    }
}
