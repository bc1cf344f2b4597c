package labcloud.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import labcloud.cli.output.Table;
import labcloud.core.Sizes;
import labcloud.inventory.Inventory;
import labcloud.inventory.InventoryChanges;
import labcloud.inventory.Resource;
import labcloud.inventory.ResourceTypes;

/**
 * The inventory as a table: grouped by region and type with a subtotal per group, then totals per
 * type and a grand total of the estimated monthly cost. CSV has one row per resource with its
 * region and type instead of headings.
 */
final class InventoryTable {
    private InventoryTable() {}

    static Table of(Inventory inv, boolean csv) {
        return csv ? csv(inv) : text(inv);
    }

    private static Table csv(Inventory inv) {
        Table t = new Table().fixed("REGION").fixed("TYPE").fixed("ID").left("NAME").left("STATE").left("DETAILS")
                .right("MONTHLY_USD");
        for (Resource r : inv.resources()) {
            t.row(r.region(), r.type(), r.id(), r.name(), r.state(), summary(r),
                    r.monthlyCost() == null ? "unknown" : String.format(Locale.ROOT, "%.2f", r.monthlyCost()));
        }
        return t;
    }

    private static Table text(Inventory inv) {
        Table t = new Table().fixed("ID").left("NAME").left("STATE").left("DETAILS").right("$/MONTH");
        Map<String, Map<String, List<Resource>>> groups = new TreeMap<>();
        for (Resource r : inv.resources()) {
            groups.computeIfAbsent(r.region(), k -> new TreeMap<>((a, b) -> ResourceTypes.rank(a) - ResourceTypes.rank(b)))
                    .computeIfAbsent(r.type(), k -> new ArrayList<>()).add(r);
        }
        Map<String, List<Resource>> byType = new LinkedHashMap<>();
        for (String type : ResourceTypes.ORDER) byType.put(type, new ArrayList<>());
        for (var region : groups.entrySet()) {
            for (var type : region.getValue().entrySet()) {
                t.heading(region.getKey() + " · " + type.getKey());
                for (Resource r : type.getValue()) {
                    t.row(r.id(), r.name(), r.state(), summary(r), money(r.monthlyCost()));
                }
                t.total("", type.getValue().size() + " " + plural(type.getKey(), type.getValue().size()), "", "",
                        sum(type.getValue()));
                byType.get(type.getKey()).addAll(type.getValue());
            }
        }
        t.heading("all regions");
        for (var e : byType.entrySet()) {
            if (e.getValue().isEmpty()) continue;
            t.row(e.getKey(), e.getValue().size() + " " + plural(e.getKey(), e.getValue().size()), "", "", sum(e.getValue()));
        }
        t.total("total", inv.resources().size() + " resources", "", inv.errors().isEmpty() ? ""
                : inv.errors().size() + " errors", sum(inv.resources()));
        return t;
    }

    /** What changed since the previous run, one line per resource (and per changed field). */
    static Table changes(InventoryChanges c) {
        Table t = new Table().left("CHANGE").fixed("ID").left("TYPE").left("REGION").left("WHAT");
        for (Resource r : c.appeared()) t.row("+ appeared", r.id(), r.type(), r.region(), label(r) + summary(r));
        for (InventoryChanges.Change ch : c.changed()) {
            Resource r = ch.resource();
            for (var f : ch.fields().entrySet()) {
                t.row("~ changed", r.id(), r.type(), r.region(), f.getKey() + ": " + f.getValue().get(0) + " -> " + f.getValue().get(1));
            }
        }
        for (Resource r : c.disappeared()) t.row("- gone", r.id(), r.type(), r.region(), label(r) + summary(r));
        t.total("", c.appeared().size() + " appeared", c.changed().size() + " changed", c.disappeared().size() + " gone", "");
        return t;
    }

    private static String label(Resource r) {
        return r.name() == null || r.name().equals(r.id()) ? "" : r.name() + ": ";
    }

    private static String plural(String type, int n) {
        return n == 1 ? "resource" : "resources";
    }

    /** Known costs summed; "+ unknown" marks a sum that leaves out resources without a price. */
    private static String sum(List<Resource> rs) {
        double s = 0;
        boolean unknown = false;
        for (Resource r : rs) {
            if (r.monthlyCost() == null) unknown = true;
            else s += r.monthlyCost();
        }
        return money(s) + (unknown ? " + unknown" : "");
    }

    static String money(Double d) {
        return d == null ? "unknown" : String.format(Locale.ROOT, "%,.2f", d);
    }

    /** A few words on what matters for each type. */
    static String summary(Resource r) {
        Map<String, Object> d = r.details();
        return switch (r.type()) {
            case Resource.EC2_INSTANCE -> d.get("instanceType") + (d.get("uptimeHours") != null
                    ? " up " + hours((Double) d.get("uptimeHours")) : "");
            case Resource.EBS_VOLUME -> d.get("sizeGb") + " GB " + d.get("volumeType")
                    + (d.get("attachedTo") != null ? " on " + d.get("attachedTo") : " unattached");
            case Resource.EBS_SNAPSHOT -> d.get("sizeGb") + " GB of " + d.get("volumeId");
            case Resource.EFS_FILESYSTEM -> (d.get("sizeBytes") == null ? "size unknown" : Sizes.format(((Number) d.get("sizeBytes")).longValue()))
                    + ", " + d.get("mountTargets") + " mount targets";
            case Resource.S3_BUCKET -> (d.get("sizeBytes") == null ? "size unknown"
                    : Sizes.format(((Number) d.get("sizeBytes")).longValue()) + ", " + d.get("objectCount") + " objects")
                    + (Boolean.TRUE.equals(d.get("public")) ? ", PUBLIC" : "");
            case Resource.ELASTIC_IP -> d.get("publicIp") + (d.get("instanceId") != null ? " on " + d.get("instanceId") : "");
            case Resource.IAM_USER -> (Boolean.TRUE.equals(d.get("consoleAccess")) ? "console" : "no console")
                    + (Boolean.TRUE.equals(d.get("mfaActive")) ? ", MFA" : Boolean.TRUE.equals(d.get("consoleAccess")) ? ", no MFA" : "")
                    + ", " + d.get("accessKeys") + " keys";
            case Resource.IAM_ACCESS_KEY -> d.get("ageDays") + " days old, last used "
                    + (d.get("lastUsed") == null ? "never" : d.get("lastUsed").toString().substring(0, 10));
            default -> "";
        };
    }

    private static String hours(double h) {
        return h >= 48 ? Math.round(h / 24) + "d" : String.format(Locale.ROOT, "%.1fh", h);
    }
}
