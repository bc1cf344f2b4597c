package labcloud.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import labcloud.app.InventoryRun;
import labcloud.app.Lab;
import labcloud.app.LabAudit;
import labcloud.core.Environment;
import labcloud.demo.DemoSession;
import labcloud.inventory.Inventory;
import labcloud.inventory.InventoryOptions;
import labcloud.inventory.ResourceTypes;
import labcloud.policy.AuditReport;
import labcloud.web.view.DashboardData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `labcloud demo` prints an audit, then serves a dashboard over the same emulated account: both
 * come from the one demo {@link Lab}, so the dashboard's open findings are the report's findings,
 * with the demo lab's own policy (its region-not-allowed rule included), not the built-in one.
 */
class DemoDashboardPolicyTest {
    @Test
    void theDashboardShowsTheFindingsTheDemoReportPrinted(@TempDir Path home) throws Exception {
        Environment env = Environment.of(Map.of("HOME", home.toString(), "PATH", System.getenv("PATH")));
        try (DemoSession demo = DemoSession.start(env)) {
            Lab lab = Lab.demo(demo);
            assertThat(lab.policy().source()).isEqualTo(home.resolve(".labcloud/demo/policy.yaml").toString());

            // what DemoCommand prints
            Inventory inv = InventoryRun.collectAndSave(lab.aws(), lab.store(), new InventoryOptions(lab.regions(),
                    ResourceTypes.ALL, lab.deepBucketSizes(), Instant.now())).inventory();
            AuditReport printed = LabAudit.audit(lab, inv, lab.regions(), Instant.now(), false);

            // what the dashboard it then serves shows after its first refresh
            LabDashboard dashboard = LabDashboard.of(lab);
            dashboard.refreshJob().run();
            DashboardData shown = dashboard.source().load();

            Map<String, Integer> printedByRule = new TreeMap<>();
            printed.findings().forEach(f -> printedByRule.merge(f.rule(), 1, Integer::sum));
            Map<String, Integer> shownByRule = new TreeMap<>();
            shown.findings().forEach(f -> shownByRule.merge(f.rule(), 1, Integer::sum));
            assertThat(printedByRule).containsKey("region-not-allowed");
            assertThat(shownByRule).isEqualTo(printedByRule);
        }
    }
}
