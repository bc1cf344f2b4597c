package labcloud.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.Locale;
import labcloud.cli.output.Format;
import labcloud.cli.output.Table;
import labcloud.policy.AuditService;
import labcloud.policy.rules.Finding;
import labcloud.policy.OwnerDigest;

/**
 * Renders findings. The text table groups them under one heading per rule (or per owner) so that
 * each row fits 80 columns; CSV is flat, one row per finding with every field.
 */
final class FindingsTable {
    private FindingsTable() {}

    static Table of(List<Finding> findings, Format format) {
        if (format == Format.CSV) return flat(findings);
        Table t = new Table().left("").fixed("RESOURCE").fixed("REGION").left("OWNER").right("$/MO").left("PROBLEM");
        String rule = null;
        for (Finding f : findings) {
            if (!f.rule().equals(rule)) {
                rule = f.rule();
                String r = rule;
                long n = findings.stream().filter(x -> x.rule().equals(r)).count();
                t.heading(rule + " (" + f.severity() + ", " + n + ")");
            }
            row(t, f);
        }
        return t;
    }

    /** One row per rule (most severe first, as the findings come): how many, the money, whose. For the demo. */
    static Table summary(List<Finding> findings) {
        Table t = new Table().left("RULE").left("SEVERITY").right("COUNT").right("$/MO").left("OWNERS");
        Map<String, List<Finding>> byRule = new LinkedHashMap<>();
        findings.forEach(f -> byRule.computeIfAbsent(f.rule(), k -> new ArrayList<>()).add(f));
        for (List<Finding> fs : byRule.values()) {
            double cost = fs.stream().filter(f -> f.monthlyCost() != null).mapToDouble(Finding::monthlyCost).sum();
            Set<String> owners = new TreeSet<>();
            fs.forEach(f -> owners.add(f.owner() == null ? "?" : f.owner()));
            t.row(fs.get(0).rule(), fs.get(0).severity(), fs.size(), money(cost), String.join(" ", owners));
        }
        // each resource once in the total, though several rules may name it
        t.total("all rules", "", findings.size(), money(AuditService.costAtStake(findings)), "");
        return t;
    }

    static Table byOwner(List<OwnerDigest.Entry> digest, Format format) {
        if (format == Format.CSV) return flat(digest.stream().flatMap(e -> e.items().stream()).toList());
        Table t = new Table().left("").fixed("RESOURCE").fixed("REGION").left("RULE").right("$/MO").left("PROBLEM");
        for (OwnerDigest.Entry e : digest) {
            t.heading(e.owner() + (e.email() == null ? "" : " <" + e.email() + ">") + ": " + e.findings()
                    + (e.findings() == 1 ? " finding" : " findings") + (e.monthlyCost() > 0 ? ", " + money(e.monthlyCost()) + "/month" : ""));
            for (Finding f : e.items()) {
                t.row(marker(f), f.resourceId(), f.region(), f.rule(), money(f.monthlyCost()), f.message());
            }
        }
        return t;
    }

    private static void row(Table t, Finding f) {
        t.row(marker(f), f.resourceId(), f.region(), f.owner() == null ? "?" : f.owner(), money(f.monthlyCost()), f.message());
    }

    /** "+" marks a finding first seen in this run. */
    private static String marker(Finding f) {
        return "new".equals(f.status()) ? "+" : "";
    }

    private static Table flat(List<Finding> findings) {
        Table t = new Table().left("RULE").left("SEVERITY").left("RESOURCE_TYPE").left("RESOURCE_ID").left("REGION")
                .left("OWNER").right("MONTHLY_COST").left("STATUS").left("FIRST_SEEN").left("MESSAGE").left("FIX");
        for (Finding f : findings) {
            t.row(f.rule(), f.severity(), f.resourceType(), f.resourceId(), f.region(), f.owner(),
                    f.monthlyCost() == null ? "" : String.format(Locale.ROOT, "%.2f", f.monthlyCost()), f.status(),
                    f.firstSeen(), f.message(), f.fix());
        }
        return t;
    }

    static String money(Double d) {
        if (d == null) return "?";
        if (d == 0) return "-";
        return d >= 100 ? String.format(Locale.ROOT, "$%.0f", d) : String.format(Locale.ROOT, "$%.2f", d);
    }
}
