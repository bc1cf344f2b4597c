package labcloud.cli;

import java.time.Instant;
import labcloud.app.Lab;
import labcloud.app.LabAudit;
import labcloud.cli.output.Format;
import labcloud.cli.output.Output;
import labcloud.core.ExitCode;
import labcloud.inventory.Inventory;
import labcloud.policy.AuditReport;
import labcloud.policy.LabPolicy;

/** The audit part of `labcloud demo`: the planted problems, as `labcloud audit` reports them. */
final class DemoAudit {
    private DemoAudit() {}

    /** Prints a per-rule summary of the findings (text and CSV output; the JSON of `demo` stays one document) and returns an exit code. */
    static int print(Output out, Lab lab, Inventory inv) {
        if (out.format() == Format.JSON) return ExitCode.OK;
        long t0 = System.nanoTime();
        LabPolicy policy = lab.policy();
        AuditReport report = LabAudit.audit(lab, inv, lab.regions(), Instant.now(), false);
        out.line("");
        out.line(out.bold("Audit") + ": " + report.findings().size() + " findings, "
                + FindingsTable.money((Double) report.summary().get("monthlyCostAtStake")) + "/month at stake"
                + String.format(java.util.Locale.ROOT, " (%.1f s)", (System.nanoTime() - t0) / 1e9));
        out.table(FindingsTable.summary(report.findings()));
        out.line("Policy: " + policy.source());
        // The emulated account is gone when the demo ends: these are for the user's own account.
        out.line("On your account, each finding with owner and fix: labcloud audit");
        out.line("Owner tags from CloudTrail:                       labcloud tag fix --from-trail");
        report.errors().forEach(e -> out.warn(e.region() + " " + e.service() + ": " + e.message()));
        return report.partial() ? ExitCode.PARTIAL : ExitCode.OK;
    }
}
