package labcloud.app;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import labcloud.inventory.Inventory;
import labcloud.inventory.InventoryOptions;
import labcloud.inventory.InventoryService;
import labcloud.inventory.ResourceTypes;
import labcloud.policy.AuditReport;
import labcloud.policy.AuditService;
import labcloud.policy.FindingHistory;

/**
 * "Collect, then audit": the one place the lab's resources are checked against its policy, for
 * {@code labcloud audit}, the demo and the dashboard alike. Findings are tracked in the lab's store.
 */
public final class LabAudit {
    private LabAudit() {}

    public record Result(Inventory inventory, AuditReport report) {}

    /**
     * Collects every resource type in {@code regions}, then audits them.
     *
     * @param asOf         when to evaluate age rules
     * @param hypothetical a date other than now was asked for: the findings are not saved as history
     * @param stage        told what is being done next (a progress line); may ignore it
     */
    public static Result collectAndAudit(Lab lab, List<String> regions, Instant asOf, boolean hypothetical, Consumer<String> stage) {
        stage.accept("inventory of " + regions.size() + " regions");
        Inventory inv = InventoryService.collect(lab.aws(),
                new InventoryOptions(regions, ResourceTypes.ALL, lab.deepBucketSizes(), asOf));
        stage.accept("CloudTrail and rules");
        return new Result(inv, audit(lab, inv, regions, asOf, hypothetical));
    }

    /** Audits an inventory already collected (the demo prints the inventory first). */
    public static AuditReport audit(Lab lab, Inventory inv, List<String> regions, Instant asOf, boolean hypothetical) {
        return new AuditService(lab.aws()).audit(lab.policy(), inv.account(), inv.resources(), inv.errors(), regions, asOf,
                hypothetical, new FindingHistory(lab.store()), SpendReport.projectSpend(lab.aws(), lab.store(), inv.account()));
    }
}
