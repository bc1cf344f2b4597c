package labcloud.cost;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One AWS budget as `budget list` and the spend report show it.
 *
 * @param project       the Project tag value it is filtered to, or null for another kind of budget
 * @param actual        AWS Budgets' actual spend this period
 * @param forecast      AWS Budgets' forecast for the period (null when it has none yet)
 * @param percentUsed   actual / limit, in percent
 * @param notifications e.g. "ACTUAL>50%", "FORECASTED>100%"
 */
@JsonPropertyOrder({"name", "project", "timeUnit", "limit", "actual", "forecast", "percentUsed", "notifications"})
public record BudgetStatus(String name, String project, String timeUnit, double limit, double actual, Double forecast,
                           Double percentUsed, List<String> notifications) {}
