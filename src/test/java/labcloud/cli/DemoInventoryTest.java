package labcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import labcloud.core.Environment;
import labcloud.inventory.SnapshotStore;
import labcloud.store.Store;
import labcloud.testing.CliResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `labcloud demo` reports the seeded account with the inventory and the audit, and saves the inventory for the dashboard. */
class DemoInventoryTest {
    @Test
    void demoPrintsTheInventoryAndAuditAndSavesASnapshot(@TempDir Path home) throws Exception {
        Environment env = Environment.of(Map.of("HOME", home.toString(), "PATH", System.getenv("PATH"), "COLUMNS", "100"));
        CliResult r = CliResult.run(env, "demo", "--no-serve");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("us-east-1 · ec2-instance", "jupyter-alice", "t3.medium", "30.37",
                "global · iam-user", "lab-public-share", "PUBLIC", "all regions", "total");
        assertThat(r.stdout()).as("buckets are listed for their size").doesNotContain("size unknown");
        // then the demo's bill: spend by Project, reconciled, with the gap and who started it, and the budgets
        String spend = r.stdout().substring(r.stdout().indexOf("Spend by project"), r.stdout().indexOf("Audit: "));
        assertThat(spend).contains("(untagged)", "genomics", "forecast for the month", "[local]", "labcloud's estimate, not AWS's",
                "USE1-DataTransfer-Out-Bytes", "frank (CreateNotebookInstance", "bob (CreateNatGateway",
                "labcloud-project-genomics", "4 paid Cost Explorer requests, 0 answers from the store");
        assertThat(spend.lines()).allMatch(l -> l.length() <= 100);
        // then the audit of the planted problems, one line per rule, within the terminal width (COLUMNS)
        String audit = r.stdout().substring(r.stdout().indexOf("Audit: "));
        assertThat(audit).contains("Policy: " + home.resolve(".labcloud/demo/policy.yaml"), "required-tags", "mfa-missing",
                "s3-public", "region-not-allowed", "cloudtrail-not-logging", "project-without-budget", "ebs-unattached", "eip-idle", "two-active-keys",
                "all rules", "On your account", "labcloud audit", "labcloud tag fix --from-trail");
        assertThat(audit.lines().filter(l -> !l.startsWith("Policy: "))).allMatch(l -> l.length() <= 100);
        Path db = home.resolve(".labcloud/demo/labcloud.db");
        assertThat(Files.exists(db)).isTrue();
        var latest = new SnapshotStore(Store.open(db)).latest().orElseThrow();
        assertThat(latest.resourceCount()).isGreaterThan(40);
        assertThat(latest.account()).isEqualTo("123456789012");
    }
}
