package labcloud.cost;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * What `budget set` will do: create a budget, or replace an existing one of the same name
 * (deleted and created again with the new limit, filter and notifications).
 *
 * @param previous the budget as it is now, or null when it does not exist yet
 */
@JsonPropertyOrder({"action", "name", "project", "limit", "email", "notifications", "filter", "previous"})
public record BudgetPlan(String action, String name, String project, double limit, String email, List<String> notifications,
                         String filter, BudgetStatus previous) {}
