package labcloud.web.page;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import labcloud.cost.BudgetStatus;
import labcloud.cost.CostRecords.Month;
import labcloud.cost.Reconciliation;
import labcloud.cost.Spend;
import labcloud.web.view.DashboardModel;
import labcloud.web.view.RefreshStatus;

/**
 * Spend: the latest `labcloud cost` report from the store. Monthly spend per Project (bars) and the
 * month's days with the forecast (line) are drawn by spend.js from /api/spend; the tables here hold
 * the same figures: budgets, estimate against actual and forecast, and the unexplained lines.
 */
public final class SpendPage {
    private SpendPage() {}

    /** /api/spend: the stored report as `labcloud cost --output json` printed it, or null with a hint. */
    public static Map<String, Object> api(DashboardModel model) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("spend", model.data().spend());
        m.put("hint", model.data().spend() == null ? "no spend report in the store yet: run labcloud cost" : null);
        return m;
    }

    public static String render(DashboardModel model, RefreshStatus status) {
        Spend s = model.data().spend();
        return Layout.render("/spend", model, status, List.of("/vendor/chart.umd.min.js", "/static/charts.js", "/static/spend.js"), h -> {
            if (s == null) {
                h.raw("<div class=\"banner\" id=\"no-spend\">")
                        .text("No spend report in the store yet: run 'labcloud cost' (Cost Explorer answers are kept and reused).")
                        .raw("</div>");
                return;
            }
            h.raw("<p class=\"muted\" id=\"spend-asof\">").text("Report of " + Html.time(s.generatedAt()) + " for account " + s.account()
                    + "; Cost Explorer answers fetched from " + Html.time(s.requests().oldestAnswer()) + " (labcloud cost --refresh updates them)")
                    .raw("</p>");
            h.raw("<div class=\"cards\">");
            Layout.card(h, "month-to-date", "spent this month to " + s.period().today(), Html.money(s.monthToDate()));
            Layout.card(h, "forecast", "forecast for the month (" + s.forecast().source() + ")", Html.money(s.forecast().monthEnd()));
            Layout.card(h, "estimate", "inventory estimate per month", Html.money(s.reconciliation().totals().estimate()));
            Layout.card(h, "unexplained", "this month, explained by no resource", Html.money(s.reconciliation().totals().unexplained()));
            h.raw("</div>");
            for (String w : s.warnings()) h.raw("<div class=\"banner warn spend-warning\">").text(w).raw("</div>");

            h.raw("<div class=\"grid\">");
            h.raw("<section id=\"monthly\"><h2>Monthly spend by Project</h2><div class=\"chart\"><canvas id=\"chart-monthly\"></canvas></div>");
            h.raw("<details><summary>as a table</summary>");
            monthly(h, s.monthlyByProject());
            h.raw("</details></section>");
            h.raw("<section id=\"daily\"><h2>This month by day, and the forecast</h2><div class=\"chart\"><canvas id=\"chart-daily\">"
                    + "</canvas></div><p class=\"muted\" id=\"forecast-note\">").text(s.forecast().note()).raw("</p></section>");
            h.raw("</div>");

            Layout.section(h, "budgets", "Budgets");
            h.raw("<table id=\"table-budgets\" class=\"data\"><thead><tr><th>Budget</th><th>Project</th><th class=\"num\">Limit</th>"
                    + "<th class=\"num\">Actual</th><th class=\"num\">Forecast</th><th class=\"num\">Used</th></tr></thead><tbody>");
            for (BudgetStatus b : s.budgets()) {
                h.raw("<tr").attr("data-id", b.name()).attr("class", b.percentUsed() != null && b.percentUsed() >= 100 ? "over" : "").raw(">")
                        .cell(b.name()).cell(b.project()).numberCell(Html.money(b.limit())).numberCell(Html.money(b.actual()))
                        .numberCell(Html.money(b.forecast()))
                        .numberCell(b.percentUsed() == null ? "n/a" : String.format(java.util.Locale.ROOT, "%.0f%%", b.percentUsed()))
                        .raw("</tr>");
            }
            StoragePage.empty(h, s.budgets(), 6);
            h.raw("</tbody></table></section>");

            Layout.section(h, "reconciliation", "Estimate against actual and forecast");
            recon(h, "table-recon-project", "Project", s.reconciliation().byProject());
            recon(h, "table-recon-owner", "Owner", s.reconciliation().byOwner());
            h.raw("</section>");

            Layout.section(h, "unexplained-lines", "Spend no inventoried resource explains");
            h.raw("<table id=\"table-unexplained\" class=\"data\"><thead><tr><th>Service</th><th>Usage type</th><th>Region</th>"
                    + "<th class=\"num\">This month</th><th>Why</th><th>Started by</th></tr></thead><tbody>");
            for (Reconciliation.Unexplained u : Layout.first(s.reconciliation().unexplained())) {
                h.raw("<tr>").cell(u.service()).cell(u.usageType()).cell(u.region()).numberCell(Html.money(u.amount())).cell(u.reason())
                        .cell(String.join(", ", u.startedBy())).raw("</tr>");
            }
            StoragePage.empty(h, s.reconciliation().unexplained(), 6);
            h.raw("</tbody></table></section>");
        });
    }

    private static void monthly(Html h, List<Month> months) {
        h.raw("<table id=\"table-monthly\"><thead><tr><th>Project</th>");
        for (Month m : months) h.raw("<th class=\"num\">").text(m.month()).raw("</th>");
        h.raw("</tr></thead><tbody>");
        Set<String> groups = new LinkedHashSet<>();
        List<Month> newest = new ArrayList<>(months);
        java.util.Collections.reverse(newest);
        newest.forEach(m -> groups.addAll(m.groups().keySet()));
        for (String g : groups) {
            h.raw("<tr").attr("data-id", g).raw(">").cell(g);
            for (Month m : months) h.numberCell(Html.money(m.groups().getOrDefault(g, 0.0)));
            h.raw("</tr>");
        }
        h.raw("<tr class=\"total\"><td>total</td>");
        for (Month m : months) h.numberCell(Html.money(m.total()));
        h.raw("</tr></tbody></table>");
    }

    private static void recon(Html h, String id, String label, List<Reconciliation.Row> rows) {
        h.raw("<table class=\"data\"").attr("id", id).raw("><thead><tr><th>").text(label).raw("</th><th class=\"num\">Estimate/month</th>"
                + "<th class=\"num\">Estimate to date</th><th class=\"num\">Actual to date</th><th class=\"num\">Forecast</th></tr></thead><tbody>");
        for (Reconciliation.Row r : rows) {
            h.raw("<tr").attr("data-id", r.value()).raw(">").cell(r.value()).numberCell(Html.money(r.estimate()))
                    .numberCell(Html.money(r.estimateToDate())).numberCell(Html.money(r.actual())).numberCell(Html.money(r.forecast()))
                    .raw("</tr>");
        }
        StoragePage.empty(h, rows, 5);
        h.raw("</tbody></table>");
    }
}
