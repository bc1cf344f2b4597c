package labcloud.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import labcloud.app.Lab;
import labcloud.app.LabAudit;
import labcloud.cli.convert.EndOfDayConverter;
import labcloud.cli.convert.RegionsConverter;
import labcloud.cli.output.Format;
import labcloud.core.ExitCode;
import labcloud.core.UsageException;
import labcloud.inventory.Inventory;
import labcloud.policy.AuditReport;
import labcloud.policy.LabPolicy;
import labcloud.policy.OwnerDigest;
import labcloud.policy.People;
import labcloud.policy.rules.Severity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "audit", description = "Check the account against the lab policy: tags, keys, MFA, idle and "
        + "forgotten resources, public buckets, CloudTrail, regions. Exit 1 when a finding reaches --fail-on.")
public final class AuditCommand extends BaseCommand {
    @Option(names = "--policy", paramLabel = "FILE", description = "lab policy YAML (default ~/.labcloud/policy.yaml, else built in)")
    Path policyFile;

    @Option(names = "--as-of", paramLabel = "DATE", converter = EndOfDayConverter.class, description = "evaluate age rules at this date, e.g. the end of term (not saved in the history)")
    Instant asOf;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", description = "exit 1 when a finding is at least this severe: "
            + "low (default), medium, high, critical, or none")
    String failOn = "low";

    @Option(names = "--by-owner", description = "group findings per owner into a digest ready to send")
    boolean byOwner;

    @Option(names = "--regions", paramLabel = "all|r1,r2", converter = RegionsConverter.class, description = "regions to audit (default all enabled)")
    String regions = "all";

    @Override
    protected int run() {
        // Everything the user typed is checked before the first AWS call.
        Severity threshold = "none".equalsIgnoreCase(failOn) ? null : Severity.parse(failOn);
        if (threshold == null && !"none".equalsIgnoreCase(failOn)) {
            throw new UsageException("--fail-on '" + failOn + "': expected low, medium, high, critical or none");
        }
        Lab lab = account().lab(policyFile);
        LabPolicy policy = lab.policy();
        Instant when = asOf == null ? Instant.now() : asOf;
        List<String> regionList = account().regions(regions);

        var progress = out().progress("audit");
        LabAudit.Result audited = LabAudit.collectAndAudit(lab, regionList, when, asOf != null, progress::update);
        progress.done();
        Inventory inv = audited.inventory();
        AuditReport report = audited.report();

        if (byOwner) {
            List<OwnerDigest.Entry> digest = OwnerDigest.of(report.findings(), People.emails(inv.resources(), policy.people()));
            if (out().format() == Format.TABLE) {
                for (OwnerDigest.Entry e : digest) {
                    out().line("To: " + e.owner() + (e.email() == null ? "" : " <" + e.email() + ">"));
                    out().line(e.text());
                }
            } else {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("owners", digest);
                json.put("summary", report.summary());
                json.put("errors", report.errors());
                out().result(json, FindingsTable.byOwner(digest, out().format()));
            }
        } else {
            out().result(report, FindingsTable.of(report.findings(), out().format()));
        }
        Map<String, Object> s = report.summary();
        out().info(s.get("total") + " findings (" + s.get("new") + " new, " + s.get("persisting") + " persisting), "
                + FindingsTable.money((Double) s.get("monthlyCostAtStake")) + "/month at stake; policy: " + policy.source()
                + (asOf != null ? "; as of " + when : "") + (report.findings().isEmpty() ? "" : "; + marks new findings"));
        report.errors().forEach(e -> out().warn(e.region() + " " + e.service() + ": " + e.message()));
        if (report.partial()) return ExitCode.PARTIAL;
        return threshold != null && report.reaches(threshold) ? ExitCode.FINDINGS : ExitCode.OK;
    }
}
