package labcloud.web.page;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import labcloud.inventory.Resource;
import labcloud.web.view.DashboardModel;
import labcloud.web.view.RefreshStatus;
import labcloud.web.view.Breakdown;
import labcloud.web.view.InstanceRow;
import labcloud.web.view.ResourceQuery;

/** Instances in every region in one table; filters, sort and page live in the URL so a view can be shared. */
public final class InstancesPage {
    private static final String[][] COLUMNS = {
            {"id", "Instance"}, {"name", "Name"}, {"region", "Region"}, {"state", "State"}, {"instanceType", "Type"},
            {"created", "Uptime"}, {null, "Idle"}, {null, "Idle-stop"}, {"cost", "Cost/month"}, {"owner", "Owner"}, {"project", "Project"}, {null, "Tags"}};

    private InstancesPage() {}

    public static String render(DashboardModel model, RefreshStatus status, ResourceQuery q) {
        List<Resource> all = model.instances();
        ResourceQuery.Page page = q.page(all);
        return Layout.render("/instances", model, status, List.of(), h -> {
            h.raw("<form id=\"filters\" method=\"get\" action=\"/instances\" class=\"filters\">");
            select(h, "region", "Region", values(all, Resource::region), q.region());
            select(h, "state", "State", values(all, Resource::state), q.state());
            select(h, "owner", "Owner", values(all, r -> Breakdown.blankToNoneTag(r, "Owner")), q.owner());
            select(h, "project", "Project", values(all, r -> Breakdown.blankToNoneTag(r, "Project")), q.project());
            h.raw("<label>Search <input type=\"search\" name=\"q\"").attr("value", q.text()).raw("></label>");
            if (q.sort() != null) {
                h.raw("<input type=\"hidden\" name=\"sort\"").attr("value", q.sort()).raw(">");
                h.raw("<input type=\"hidden\" name=\"dir\"").attr("value", q.descending() ? "desc" : "asc").raw(">");
            }
            h.raw("<button type=\"submit\">Filter</button> <a href=\"/instances\">clear</a></form>");

            double cost = q.filter(all).stream().mapToDouble(r -> r.monthlyCost() == null ? 0 : r.monthlyCost()).sum();
            h.raw("<p id=\"instance-summary\">").text(page.total() + " of " + all.size() + " instances · "
                    + Html.money(cost) + " per month").raw("</p>");

            h.raw("<table id=\"instances\" class=\"data\"><thead><tr>");
            for (String[] col : COLUMNS) {
                if (col[0] == null) {
                    h.raw("<th>").text(col[1]).raw("</th>");
                    continue;
                }
                boolean sorted = col[0].equals(q.sort());
                String dir = sorted && !q.descending() ? "desc" : "asc";
                String arrow = sorted ? (q.descending() ? " ▼" : " ▲") : "";
                h.raw("<th").attr("data-sort", col[0]).raw(">")
                        .link("/instances" + url(q, Map.of("sort", col[0], "dir", dir, "offset", "")), col[1] + arrow)
                        .raw("</th>");
            }
            h.raw("</tr></thead><tbody>");
            for (Resource r : page.resources()) {
                InstanceRow row = model.instanceRow(r);
                h.raw("<tr").attr("data-id", row.id()).attr("class", "state-" + row.state()).raw(">")
                        .cell(row.id()).cell(row.name()).cell(row.region()).cell(row.state()).cell(row.instanceType())
                        .numberCell(row.uptimeHours() == null ? "" : uptime(row.uptimeHours()))
                        .numberCell(idle(r)).cell(idleStop(r))
                        .numberCell(Html.money(row.monthlyCost())).cell(row.owner()).cell(row.project());
                h.raw("<td class=\"tags\">");
                row.tags().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                        h.raw("<span class=\"tag\">").text(e.getKey() + "=" + e.getValue()).raw("</span> "));
                h.raw("</td></tr>");
            }
            if (page.resources().isEmpty()) h.raw("<tr><td colspan=\"12\" class=\"empty\">no instances match</td></tr>");
            h.raw("</tbody></table>");
            if (page.total() > page.limit()) {
                h.raw("<nav class=\"pages\" id=\"pages\">");
                if (page.offset() > 0) {
                    h.link("/instances" + url(q, Map.of("offset", String.valueOf(Math.max(0, page.offset() - page.limit())))), "« previous");
                }
                h.text(" " + (page.offset() + 1) + "–" + Math.min(page.total(), page.offset() + page.limit()) + " of " + page.total() + " ");
                if (page.offset() + page.limit() < page.total()) {
                    h.link("/instances" + url(q, Map.of("offset", String.valueOf(page.offset() + page.limit()))), "next »");
                }
                h.raw("</nav>");
            }
        });
    }

    /** Minutes since CPU was last above 2% (CloudWatch, running instances), as the inventory read it. */
    private static String idle(Resource r) {
        Object v = r.details() == null ? null : r.details().get("idleMinutes");
        if (!(v instanceof Number n)) return "";
        long m = n.longValue();
        return m < 120 ? m + " min" : m < 48 * 60 ? (m / 60) + " h" : (m / 1440) + " d";
    }

    /** A labcloud machine's idle-stop setting (its tag), and a hold in force; blank for other instances. */
    private static String idleStop(Resource r) {
        String minutes = r.tags() == null ? null : r.tags().get(labcloud.machine.MachineTags.IDLE_STOP);
        if (minutes == null) return r.tags() != null && r.tags().containsKey(labcloud.machine.MachineTags.NAME) ? "off" : "";
        String hold = r.tags().get(labcloud.machine.MachineTags.HOLD_UNTIL);
        boolean held = false;
        try {
            held = hold != null && java.time.Instant.parse(hold).isAfter(java.time.Instant.now());
        } catch (java.time.format.DateTimeParseException ignored) {
            // not a time: no hold
        }
        return minutes + " min" + (held ? " (held to " + hold + ")" : "");
    }

    private static String uptime(double hours) {
        return hours >= 48 ? Html.number((double) Math.round(hours / 24), " d") : Html.number(Math.floor(hours * 10) / 10, " h");
    }

    /** The current query with some parameters replaced (an empty value removes it). */
    static String url(ResourceQuery q, Map<String, String> changes) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("region", q.region());
        p.put("state", q.state());
        p.put("owner", q.owner());
        p.put("project", q.project());
        p.put("q", q.text());
        p.put("sort", q.sort());
        p.put("dir", q.sort() == null ? null : q.descending() ? "desc" : "asc");
        if (q.limit() != ResourceQuery.DEFAULT_LIMIT) p.put("limit", String.valueOf(q.limit()));
        if (q.offset() > 0) p.put("offset", String.valueOf(q.offset()));
        p.putAll(changes);
        return Html.query(p);
    }

    private static List<String> values(List<Resource> rs, Function<Resource, String> f) {
        return List.copyOf(rs.stream().map(f).filter(Objects::nonNull).collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
    }

    private static void select(Html h, String name, String label, List<String> options, String selected) {
        h.raw("<label>").text(label).raw(" <select").attr("name", name).attr("id", "filter-" + name).raw("><option value=\"\">all</option>");
        for (String o : options) {
            h.raw("<option").attr("value", o);
            if (o.equals(selected)) h.raw(" selected");
            h.raw(">").text(o).raw("</option>");
        }
        h.raw("</select></label>");
    }
}
