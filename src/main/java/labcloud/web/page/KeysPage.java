package labcloud.web.page;

import java.util.List;
import labcloud.web.view.DashboardModel;
import labcloud.web.view.RefreshStatus;
import labcloud.web.view.KeyReport;

/** Keys & MFA: access key ages against the rotation schedule, and the users without MFA. */
public final class KeysPage {
    private KeysPage() {}

    public static String render(DashboardModel model, RefreshStatus status) {
        KeyReport k = model.keys();
        return Layout.render("/keys", model, status, List.of(), h -> {
            long overdue = k.keys().stream().filter(KeyReport.Key::overdue).count();
            h.raw("<div class=\"cards\">");
            Layout.card(h, "key-count", "access keys", String.valueOf(k.keys().size()));
            Layout.card(h, "overdue-count", "active keys older than " + k.rotationDays() + " days", String.valueOf(overdue));
            Layout.card(h, "no-mfa-count", "users without MFA", String.valueOf(k.withoutMfa().size()));
            h.raw("</div>");
            Layout.section(h, "keys", "Access keys (rotate every " + k.rotationDays() + " days)");
            h.raw("<table id=\"table-keys\" class=\"data\"><thead><tr><th>User</th><th>Access key</th><th>Status</th><th>Created</th>"
                    + "<th class=\"num\">Age</th><th>Last used</th><th>Rotation</th></tr></thead><tbody>");
            for (KeyReport.Key key : k.keys()) {
                h.raw("<tr").attr("data-id", key.keyId()).attr("class", key.overdue() ? "overdue" : "").raw(">").cell(key.user())
                        .cell(key.keyId()).cell(key.status()).cell(Html.time(key.createdAt()))
                        .numberCell(key.ageDays() == null ? "n/a" : key.ageDays() + " d").cell(key.lastUsed())
                        .cell(key.overdue() ? "overdue" : "ok").raw("</tr>");
            }
            StoragePage.empty(h, k.keys(), 7);
            h.raw("</tbody></table></section>");
            Layout.section(h, "users", "Users");
            h.raw("<table id=\"table-users\" class=\"data\"><thead><tr><th>User</th><th>Email</th><th>Console</th><th>MFA</th>"
                    + "<th class=\"num\">Active keys</th></tr></thead><tbody>");
            for (KeyReport.User u : k.users()) {
                boolean noMfa = !Boolean.TRUE.equals(u.mfa());
                h.raw("<tr").attr("data-id", u.name()).attr("class", noMfa ? "no-mfa" : "").raw(">").cell(u.name()).cell(u.email())
                        .cell(yesNo(u.console())).cell(noMfa ? "no MFA" : "MFA").numberCell(String.valueOf(u.activeKeys())).raw("</tr>");
            }
            StoragePage.empty(h, k.users(), 5);
            h.raw("</tbody></table></section>");
        });
    }

    private static String yesNo(Boolean b) {
        return b == null ? "?" : b ? "yes" : "no";
    }
}
