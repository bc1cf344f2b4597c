package labcloud.cost;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import labcloud.core.RegionError;
import labcloud.cost.CostRecords.AllocationTag;
import labcloud.cost.CostRecords.DailyCost;
import labcloud.cost.CostRecords.Month;

/**
 * One spend report: the stable {@code labcloud cost --output json} document (see the README), also
 * what the store keeps for the dashboard's Spend page. Amounts are US dollars.
 *
 * @param by               the dimension of {@code monthly}
 * @param monthly          spend per month by {@code by}, oldest first, this month last (to date)
 * @param monthlyByProject the same by Project (the dashboard's bars)
 * @param monthToDate      this month's spend so far
 * @param daily            this month's spend per day
 * @param budgets          the account's budgets, or empty when they could not be read (see errors)
 */
@JsonPropertyOrder({"account", "generatedAt", "currency", "by", "period", "monthly", "monthlyByProject", "monthToDate",
        "daily", "forecast", "reconciliation", "budgets", "costAllocationTags", "warnings", "requests", "errors"})
public record Spend(String account, Instant generatedAt, String currency, String by, Period period, List<Month> monthly,
                    List<Month> monthlyByProject, double monthToDate, List<DailyCost> daily, Forecast forecast,
                    Reconciliation reconciliation, List<BudgetStatus> budgets, List<AllocationTag> costAllocationTags,
                    List<String> warnings, Requests requests, List<RegionError> errors) {

    /** @param today the last day counted; monthEnd is exclusive (the 1st of next month) */
    public record Period(LocalDate monthStart, LocalDate today, LocalDate monthEnd, int months) {
        public static Period of(CostPeriod p) {
            return new Period(p.monthStart(), p.today(), p.monthEnd(), p.months());
        }
    }

    /**
     * The month-end forecast: spend of the complete days so far plus the forecast for the rest.
     *
     * @param remaining from today to the month's end
     * @param source    "aws" (GetCostForecast) or "local" (the month's average day, times the days left)
     */
    @JsonPropertyOrder({"monthEnd", "remaining", "low", "high", "source", "note"})
    public record Forecast(Double monthEnd, Double remaining, Double low, Double high, String source, String note) {}

    /**
     * @param paid         requests sent to Cost Explorer by this run ($0.01 each)
     * @param cached       answers reused from the store instead
     * @param oldestAnswer when the oldest answer used was fetched
     */
    @JsonPropertyOrder({"paid", "cached", "cost", "oldestAnswer", "maxAge"})
    public record Requests(int paid, int cached, double cost, Instant oldestAnswer, String maxAge) {}

    public boolean partial() {
        return !errors.isEmpty();
    }
}
