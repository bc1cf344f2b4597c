package labcloud.app;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import labcloud.aws.AwsContext;
import labcloud.core.AuditLog;
import labcloud.core.Fields;
import labcloud.core.UsageException;
import labcloud.cost.BudgetPlan;
import labcloud.cost.BudgetService;
import labcloud.cost.BudgetStatus;
import labcloud.inventory.Inventory;
import labcloud.inventory.InventoryOptions;
import labcloud.inventory.InventoryService;
import labcloud.inventory.Resource;
import labcloud.inventory.ResourceTypes;
import labcloud.policy.rules.EmailAddress;

/** `labcloud budget set|remove`: plan a project budget change, and with apply make it and record it in the audit log. */
public final class BudgetChanges {
    private final AwsContext aws;
    private final AuditLog audit;
    private final BudgetService budgets;

    public BudgetChanges(AwsContext aws, AuditLog audit) {
        this.aws = aws;
        this.audit = audit;
        this.budgets = new BudgetService(aws, aws.callerIdentity().account());
    }

    public List<BudgetStatus> list() {
        return budgets.list();
    }

    /**
     * The plan for a project budget; without an address, the Email tag most used by the project's
     * resources in the inventory of {@code regions}.
     */
    public BudgetPlan planSet(String project, double monthly, String email, List<String> regions) {
        String p = BudgetService.checkProject(project);
        String address = email;
        if (address == null) {
            Inventory inv = InventoryService.collect(aws, new InventoryOptions(regions, ResourceTypes.ALL, false, null));
            address = mostUsedEmail(inv.resources(), p).orElseThrow(() -> new UsageException("no resource of project '" + p
                    + "' carries an Email tag to send the budget's alerts to: give --email ADDRESS"));
        }
        if (!EmailAddress.isValid(address)) throw new UsageException("--email '" + address + "' is not an e-mail address");
        return budgets.plan(p, monthly, address.trim());
    }

    public void applySet(BudgetPlan plan) {
        budgets.apply(plan);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("budget", plan.name());
        d.put("project", plan.project());
        d.put("limit", plan.limit());
        d.put("email", plan.email());
        d.put("notifications", plan.notifications());
        d.put("replaced", plan.previous());
        audit.record("budget " + plan.action(), d);
    }

    /** The budget that `budget remove NAME|--project P` means; a usage error when there is none. */
    public BudgetStatus findForRemoval(String name, String project) {
        String n = name != null ? name : BudgetService.nameFor(BudgetService.checkProject(project));
        return budgets.find(n).orElseThrow(() -> new UsageException("no budget named '" + n + "' in this account "
                + "(see labcloud budget list)"));
    }

    public void applyRemove(BudgetStatus budget) {
        budgets.remove(budget.name());
        audit.record("budget remove", Fields.of("budget", budget.name(), "removed", budget));
    }

    /** The Email tag value most used by resources whose Project is {@code project} (ties: alphabetical). */
    static Optional<String> mostUsedEmail(List<Resource> resources, String project) {
        Map<String, Integer> counts = new HashMap<>();
        for (Resource r : resources) {
            if (r.tags() == null || !project.equals(r.tags().get("Project"))) continue;
            String e = r.tags().get("Email");
            if (EmailAddress.isValid(e)) counts.merge(e.trim(), 1, Integer::sum);
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).findFirst();
    }
}
