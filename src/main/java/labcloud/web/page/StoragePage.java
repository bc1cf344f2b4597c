package labcloud.web.page;

import java.util.List;
import labcloud.web.view.DashboardModel;
import labcloud.web.view.RefreshStatus;
import labcloud.web.view.StorageReport;

/**
 * Storage: EBS volumes (unattached highlighted: they cost money and do nothing), snapshots, EFS, S3;
 * each table lists its first {@value Layout#MAX_ROWS} rows (unattached, then most expensive first).
 */
public final class StoragePage {
    private StoragePage() {}

    public static String render(DashboardModel model, RefreshStatus status) {
        StorageReport s = model.storage();
        return Layout.render("/storage", model, status, List.of(), h -> {
            long unattached = s.volumes().stream().filter(StorageReport.Volume::unattached).count();
            h.raw("<div class=\"cards\">");
            Layout.card(h, "volume-count", "EBS volumes", String.valueOf(s.volumes().size()));
            Layout.card(h, "unattached-count", "unattached volumes", String.valueOf(unattached));
            Layout.card(h, "unattached-cost", "per month on unattached volumes", Html.money(s.unattachedMonthlyCost()));
            Layout.card(h, "bucket-count", "S3 buckets", String.valueOf(s.buckets().size()));
            h.raw("</div>");

            Layout.section(h, "volumes", "EBS volumes");
            h.raw("<table id=\"table-volumes\" class=\"data\"><thead><tr><th>Volume</th><th>Name</th><th>Region</th>"
                    + "<th class=\"num\">Size</th><th>Type</th><th>State</th><th>Attached to</th><th class=\"num\">Cost/month</th>"
                    + "<th>Owner</th></tr></thead><tbody>");
            for (StorageReport.Volume v : Layout.first(s.volumes())) {
                h.raw("<tr").attr("data-id", v.id()).attr("class", v.unattached() ? "unattached" : "attached").raw(">")
                        .cell(v.id()).cell(v.name()).cell(v.region()).numberCell(Html.number(v.sizeGiB(), " GiB"))
                        .cell(v.volumeType()).cell(v.unattached() ? v.state() + " (unattached)" : v.state())
                        .cell(v.attachedTo()).numberCell(Html.money(v.monthlyCost())).cell(v.owner()).raw("</tr>");
            }
            empty(h, s.volumes(), 9);
            Layout.more(h, s.volumes(), 9, "/api/storage");
            h.raw("</tbody></table></section>");

            Layout.section(h, "snapshots", "EBS snapshots");
            h.raw("<table id=\"table-snapshots\" class=\"data\"><thead><tr><th>Snapshot</th><th>Name</th><th>Region</th>"
                    + "<th class=\"num\">Size</th><th>Volume</th><th>Created</th><th class=\"num\">Cost/month</th><th>Owner</th>"
                    + "</tr></thead><tbody>");
            for (StorageReport.Snapshot v : Layout.first(s.snapshots())) {
                h.raw("<tr").attr("data-id", v.id()).raw(">").cell(v.id()).cell(v.name()).cell(v.region())
                        .numberCell(Html.number(v.sizeGiB(), " GiB")).cell(v.volumeId()).cell(Html.time(v.createdAt()))
                        .numberCell(Html.money(v.monthlyCost())).cell(v.owner()).raw("</tr>");
            }
            empty(h, s.snapshots(), 8);
            Layout.more(h, s.snapshots(), 8, "/api/storage");
            h.raw("</tbody></table></section>");

            Layout.section(h, "filesystems", "EFS file systems");
            h.raw("<table id=\"table-filesystems\" class=\"data\"><thead><tr><th>File system</th><th>Name</th><th>Region</th>"
                    + "<th class=\"num\">Size</th><th class=\"num\">Cost/month</th><th>Owner</th></tr></thead><tbody>");
            for (StorageReport.FileSystem v : Layout.first(s.fileSystems())) {
                h.raw("<tr").attr("data-id", v.id()).raw(">").cell(v.id()).cell(v.name()).cell(v.region())
                        .numberCell(Html.bytes(v.sizeBytes())).numberCell(Html.money(v.monthlyCost())).cell(v.owner()).raw("</tr>");
            }
            empty(h, s.fileSystems(), 6);
            Layout.more(h, s.fileSystems(), 6, "/api/storage");
            h.raw("</tbody></table></section>");

            Layout.section(h, "buckets", "S3 buckets");
            h.raw("<table id=\"table-buckets\" class=\"data\"><thead><tr><th>Bucket</th><th>Region</th><th class=\"num\">Size</th>"
                    + "<th class=\"num\">Objects</th><th>Public</th><th class=\"num\">Cost/month</th><th>Owner</th></tr></thead><tbody>");
            for (StorageReport.Bucket b : Layout.first(s.buckets())) {
                h.raw("<tr").attr("data-id", b.name()).attr("class", Boolean.TRUE.equals(b.publicAccess()) ? "public" : "").raw(">")
                        .cell(b.name()).cell(b.region()).numberCell(Html.bytes(b.sizeBytes())).numberCell(Html.number(b.objects(), ""))
                        .cell(b.publicAccess() == null ? "" : b.publicAccess() ? "public" : "private")
                        .numberCell(Html.money(b.monthlyCost())).cell(b.owner()).raw("</tr>");
            }
            empty(h, s.buckets(), 7);
            Layout.more(h, s.buckets(), 7, "/api/storage");
            h.raw("</tbody></table></section>");
        });
    }

    static void empty(Html h, List<?> rows, int columns) {
        if (rows.isEmpty()) h.raw("<tr><td colspan=\"" + columns + "\" class=\"empty\">none</td></tr>");
    }
}
