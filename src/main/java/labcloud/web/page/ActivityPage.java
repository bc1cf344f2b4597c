package labcloud.web.page;

import java.util.List;
import java.util.stream.Collectors;
import labcloud.web.view.DashboardData;
import labcloud.web.view.DashboardModel;
import labcloud.web.view.RefreshStatus;
import labcloud.web.view.ActivityReport;

/** Activity: recent CloudTrail events per user and per resource, then the events themselves. */
public final class ActivityPage {
    private ActivityPage() {}

    public static String render(DashboardModel model, RefreshStatus status) {
        ActivityReport a = model.activity();
        return Layout.render("/activity", model, status, List.of(), h -> {
            h.raw("<div class=\"grid\">");
            counts(h, "per-user", "Per user", "User", a.byUser());
            counts(h, "per-resource", "Per resource", "Resource", a.byResource());
            h.raw("</div>");
            Layout.section(h, "events", "Recent events");
            h.raw("<table id=\"table-events\" class=\"data\"><thead><tr><th>Time</th><th>User</th><th>Event</th><th>Resource</th>"
                    + "<th>Region</th><th>Source IP</th></tr></thead><tbody>");
            for (DashboardData.Activity e : a.events()) {
                h.raw("<tr>").cell(Html.time(e.time())).cell(e.user()).cell(e.event()).cell(e.resourceId()).cell(e.region())
                        .cell(e.sourceIp()).raw("</tr>");
            }
            StoragePage.empty(h, a.events(), 6);
            h.raw("</tbody></table></section>");
        });
    }

    private static void counts(Html h, String id, String title, String label, List<ActivityReport.Count> counts) {
        Layout.section(h, id, title);
        h.raw("<table class=\"data\"").attr("id", "table-" + id).raw("><thead><tr><th>").text(label)
                .raw("</th><th class=\"num\">Events</th><th>Last</th><th>What</th></tr></thead><tbody>");
        for (ActivityReport.Count c : counts) {
            String what = c.byEvent().entrySet().stream().limit(5).map(e -> e.getKey() + " ×" + e.getValue())
                    .collect(Collectors.joining(", "));
            h.raw("<tr").attr("data-id", c.name()).raw(">").cell(c.name()).numberCell(String.valueOf(c.events()))
                    .cell(Html.time(c.last())).cell(what).raw("</tr>");
        }
        StoragePage.empty(h, counts, 4);
        h.raw("</tbody></table></section>");
    }

}
