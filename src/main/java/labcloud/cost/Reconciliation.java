package labcloud.cost;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * What the lab should pay against what it pays: per Project and per Owner, labcloud's estimate
 * from the inventory (a monthly run-rate, and the share of it up to today), the actual month to
 * date, and the month-end forecast; and the bill lines no inventoried resource accounts for.
 */
@JsonPropertyOrder({"byProject", "byOwner", "unexplained", "totals"})
public record Reconciliation(List<Row> byProject, List<Row> byOwner, List<Unexplained> unexplained, Totals totals) {

    /**
     * @param estimate       the inventory's monthly run-rate for this tag value (null: nothing inventoried carries it)
     * @param estimateToDate the estimate's share up to today
     * @param actual         Cost Explorer, month to date
     * @param forecast       the month-end forecast split by this value's share of the month's spend
     */
    @JsonPropertyOrder({"value", "estimate", "estimateToDate", "actual", "forecast"})
    public record Row(String value, Double estimate, double estimateToDate, double actual, Double forecast) {}

    /**
     * @param reason    why no inventoried resource accounts for it
     * @param startedBy who started it according to CloudTrail, or the resources it likely comes from
     */
    @JsonPropertyOrder({"service", "usageType", "region", "amount", "reason", "startedBy"})
    public record Unexplained(String service, String usageType, String region, double amount, String reason, List<String> startedBy) {}

    @JsonPropertyOrder({"estimate", "estimateToDate", "actual", "forecast", "unexplained"})
    public record Totals(double estimate, double estimateToDate, double actual, Double forecast, double unexplained) {}
}
