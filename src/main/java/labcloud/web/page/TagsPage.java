package labcloud.web.page;

import java.util.List;
import labcloud.web.view.DashboardModel;
import labcloud.web.view.RefreshStatus;
import labcloud.web.view.TagCompliance;

/** Tags: compliance with the lab's required tags per resource type and per owner, then what each resource misses. */
public final class TagsPage {
    private TagsPage() {}

    public static String render(DashboardModel model, RefreshStatus status) {
        TagCompliance t = model.tags();
        return Layout.render("/tags", model, status, List.of(), h -> {
            h.raw("<p>").text("Required tags: " + String.join(", ", t.required())).raw("</p><div class=\"grid\">");
            groups(h, "by-type", "Compliance per resource type", "Type", t.byType());
            groups(h, "by-owner", "Compliance per owner", "Owner", t.byOwner());
            h.raw("</div>");
            Layout.section(h, "non-compliant", "Resources missing required tags (" + t.nonCompliant().size() + ")");
            h.raw("<table id=\"table-non-compliant\" class=\"data\"><thead><tr><th>Type</th><th>Id</th><th>Name</th><th>Region</th>"
                    + "<th>Owner</th><th>Missing</th><th>Audit</th></tr></thead><tbody>");
            for (TagCompliance.Missing m : Layout.first(t.nonCompliant())) {
                h.raw("<tr").attr("data-id", m.id()).raw(">").cell(m.type()).cell(m.id()).cell(m.name()).cell(m.region())
                        .cell(m.owner()).cell(String.join(", ", m.missing())).cell(m.problem()).raw("</tr>");
            }
            StoragePage.empty(h, t.nonCompliant(), 7);
            Layout.more(h, t.nonCompliant(), 7, "/api/tags");
            h.raw("</tbody></table></section>");
        });
    }

    private static void groups(Html h, String id, String title, String label, List<TagCompliance.Group> groups) {
        Layout.section(h, id, title);
        h.raw("<table class=\"data\"").attr("id", "table-" + id).raw("><thead><tr><th>").text(label)
                .raw("</th><th class=\"num\">Resources</th><th class=\"num\">Compliant</th><th class=\"num\">%</th></tr></thead><tbody>");
        for (TagCompliance.Group g : groups) {
            h.raw("<tr").attr("class", g.percent() < 100 ? "partial" : "ok").raw(">").cell(g.name())
                    .numberCell(String.valueOf(g.total())).numberCell(String.valueOf(g.compliant()))
                    .raw("<td class=\"num\"><meter min=\"0\" max=\"100\"").attr("value", g.percent()).raw("></meter> ")
                    .text(Html.number(g.percent(), "%")).raw("</td></tr>");
        }
        StoragePage.empty(h, groups, 4);
        h.raw("</tbody></table></section>");
    }
}
