package labcloud.policy;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import labcloud.aws.AwsContext;
import labcloud.core.LabcloudException;
import labcloud.cost.BudgetService;
import labcloud.cost.BudgetStatus;
import labcloud.cost.CostDimension;
import labcloud.cost.Spend;
import labcloud.cost.SpendStore;
import labcloud.store.Store;

/**
 * What the audit knows about spend per project: this month's actual per Project value from the
 * latest spend report in the store (`labcloud cost` saves it; the audit itself never pays for a
 * Cost Explorer request), and which projects have a budget (AWS Budgets, else that report's list).
 *
 * @param asOf     when the spend figures were made
 * @param spend    Project value -> actual spend this month (to the report's day)
 * @param budgeted Project values an AWS budget is filtered to
 */
public record ProjectSpend(Instant asOf, Map<String, Double> spend, Set<String> budgeted) {

    /** From the store and AWS Budgets; empty when no spend report exists for the account. */
    public static Optional<ProjectSpend> load(AwsContext aws, Store store, String account) {
        Optional<Spend> latest = new SpendStore(store).latest(account);
        if (latest.isEmpty()) return Optional.empty();
        Spend s = latest.get();
        Map<String, Double> spend = new java.util.TreeMap<>();
        s.reconciliation().byProject().forEach(r -> {
            if (!CostDimension.UNTAGGED.equals(r.value()) && r.actual() > 0) spend.put(r.value(), r.actual());
        });
        List<BudgetStatus> budgets;
        try {
            budgets = aws == null ? s.budgets() : new BudgetService(aws, account).list();
        } catch (LabcloudException e) {
            budgets = s.budgets(); // no budgets:ViewBudget: the report's own list, made with the cost run's permissions
        }
        Set<String> budgeted = new HashSet<>();
        budgets.forEach(b -> {
            if (b.project() != null) budgeted.add(b.project());
        });
        return Optional.of(new ProjectSpend(s.generatedAt(), spend, budgeted));
    }
}
