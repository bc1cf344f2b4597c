package labcloud.web.page;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import labcloud.web.view.DashboardModel;
import labcloud.web.view.RefreshStatus;

/** The frame around every page: navigation, snapshot line, refresh banner, scripts (static files only, for the CSP). */
public final class Layout {
    public static final Map<String, String> NAV = new java.util.LinkedHashMap<>();

    static {
        NAV.put("/", "Overview");
        NAV.put("/instances", "Instances");
        NAV.put("/storage", "Storage");
        NAV.put("/tags", "Tags");
        NAV.put("/keys", "Keys & MFA");
        NAV.put("/activity", "Activity");
        NAV.put("/advice", "Advice");
        NAV.put("/spend", "Spend");
    }

    private Layout() {}

    public static String render(String path, DashboardModel model, RefreshStatus status, List<String> scripts, Consumer<Html> body) {
        Html h = new Html();
        h.raw("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .raw("<title>").text("labcloud · " + NAV.getOrDefault(path, "dashboard")).raw("</title>")
                .raw("<link rel=\"stylesheet\" href=\"/static/dashboard.css\"></head><body>");
        h.raw("<header><span class=\"brand\">labcloud</span><nav>");
        NAV.forEach((href, label) -> {
            h.raw("<a").attr("href", href);
            if (href.equals(path)) h.raw(" class=\"active\" aria-current=\"page\"");
            h.raw(">").text(label).raw("</a>");
        });
        h.raw("</nav><span class=\"snapshot\" id=\"snapshot\">");
        var snap = model.data().snapshot();
        if (snap == null) {
            h.text("no snapshot yet");
        } else {
            h.text("account " + (snap.account() == null ? "?" : snap.account()) + " · snapshot #" + snap.id() + " of "
                    + Html.time(snap.takenAt()));
        }
        h.raw("</span></header>");
        if (status.failing()) {
            h.raw("<div class=\"banner error\" id=\"refresh-error\" role=\"alert\">")
                    .text("The last refresh failed (" + Html.time(status.lastAttempt()) + "): " + status.lastError()
                            + (snap == null ? "" : " — showing the last good snapshot of " + Html.time(snap.takenAt())))
                    .raw("</div>");
        } else if (snap == null) {
            h.raw("<div class=\"banner\" id=\"no-data\">")
                    .text(status.nextRefresh() != null ? "Collecting the first snapshot… reload in a moment."
                            : "The store holds no inventory snapshot yet: run 'labcloud inventory' or start the dashboard with --refresh.")
                    .raw("</div>");
        }
        if (snap != null && !snap.errors().isEmpty()) {
            h.raw("<div class=\"banner warn\" id=\"snapshot-errors\">").text("This snapshot is partial: " + String.join("; ", snap.errors()))
                    .raw("</div>");
        }
        h.raw("<main>");
        body.accept(h);
        h.raw("</main><footer>");
        List<String> facts = new java.util.ArrayList<>();
        if (status.lastSuccess() != null) facts.add("refreshed " + Html.time(status.lastSuccess()));
        if (status.nextRefresh() != null) facts.add("next refresh " + Html.time(status.nextRefresh()));
        facts.add("read-only");
        h.text(String.join(" · ", facts)).raw("</footer>");
        for (String s : scripts) h.raw("<script").attr("src", s).raw("></script>");
        h.raw("</body></html>\n");
        return h.toString();
    }

    /** Rows a page table lists before it points to the API for the rest: pages stay quick to render and to read. */
    public static final int MAX_ROWS = 500;

    static <T> List<T> first(List<T> rows) {
        return rows.size() > MAX_ROWS ? rows.subList(0, MAX_ROWS) : rows;
    }

    /** The "and N more" row under a table that {@link #first} cut short. */
    static void more(Html h, List<?> rows, int columns, String api) {
        if (rows.size() <= MAX_ROWS) return;
        h.raw("<tr><td class=\"more\"").attr("colspan", columns).raw(">")
                .text(String.format(java.util.Locale.ROOT, "first %,d of %,d shown; all of them: %s", MAX_ROWS, rows.size(), api))
                .raw("</td></tr>");
    }

    static void section(Html h, String id, String title) {
        h.raw("<section").attr("id", id).raw("><h2>").text(title).raw("</h2>");
    }

    static void card(Html h, String id, String label, String value) {
        h.raw("<div class=\"card\"").attr("id", id).raw("><div class=\"value\">").text(value).raw("</div><div class=\"label\">")
                .text(label).raw("</div></div>");
    }

    /** A two-column table of a breakdown (e.g. cost by region), the data the matching chart draws. */
    static void breakdownTable(Html h, String id, String keyLabel, String valueLabel, Map<String, ?> values, boolean money) {
        h.raw("<table class=\"breakdown\"").attr("id", id).raw("><thead><tr><th>").text(keyLabel).raw("</th><th class=\"num\">")
                .text(valueLabel).raw("</th></tr></thead><tbody>");
        values.forEach((k, v) -> {
            h.raw("<tr>").cell(k).numberCell(money ? Html.money(((Number) v).doubleValue()) : String.valueOf(v)).raw("</tr>");
        });
        if (values.isEmpty()) h.raw("<tr><td colspan=\"2\" class=\"empty\">none</td></tr>");
        h.raw("</tbody></table>");
    }
}
