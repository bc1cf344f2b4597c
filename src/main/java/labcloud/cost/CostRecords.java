package labcloud.cost;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What labcloud reads from Cost Explorer, as plain values (cached in the store as JSON). */
public final class CostRecords {
    private CostRecords() {}

    /** One month of spend split by a dimension; {@code estimated}: AWS may still change the figures. */
    public record Month(String month, LocalDate start, LocalDate end, boolean estimated, Map<String, Double> groups, double total) {}

    public record MonthlyCosts(String by, List<Month> months) {}

    public record DailyCost(LocalDate date, double amount, boolean estimated) {}

    /** One line of the bill: a service and usage type (e.g. "EC2 - Other", "USW2-NatGateway-Hours"). */
    public record UsageLine(String service, String usageType, double amount) {}

    /** AWS's forecast for a period: its mean and the 80% prediction interval, when AWS gives one. */
    public record ForecastAnswer(double amount, Double low, Double high) {}

    /** A user-defined tag's cost-allocation status: Active, Inactive, or "not seen" (never in a bill). */
    public record AllocationTag(String key, String status) {
        public boolean active() {
            return "Active".equalsIgnoreCase(status);
        }
    }
}
