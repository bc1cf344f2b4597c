package labcloud.cost;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import labcloud.aws.AwsContext;
import labcloud.core.UsageException;
import software.amazon.awssdk.services.budgets.BudgetsClient;
import software.amazon.awssdk.services.budgets.model.Budget;
import software.amazon.awssdk.services.budgets.model.BudgetType;
import software.amazon.awssdk.services.budgets.model.ComparisonOperator;
import software.amazon.awssdk.services.budgets.model.Notification;
import software.amazon.awssdk.services.budgets.model.NotificationType;
import software.amazon.awssdk.services.budgets.model.NotificationWithSubscribers;
import software.amazon.awssdk.services.budgets.model.SubscriptionType;
import software.amazon.awssdk.services.budgets.model.ThresholdType;
import software.amazon.awssdk.services.budgets.model.TimeUnit;

/**
 * The lab's AWS Budgets: one monthly cost budget per Project, filtered to the cost-allocation tag
 * {@code Project=P}, e-mailing at 50, 80 and 100% of actual and at 100% of forecast spend.
 */
public final class BudgetService {
    public static final String PREFIX = "labcloud-project-";
    /** A notification every project budget gets: actual or forecasted spend above a percentage of the limit. */
    record Threshold(NotificationType type, double percent) {}

    static final List<Threshold> THRESHOLDS = List.of(new Threshold(NotificationType.ACTUAL, 50),
            new Threshold(NotificationType.ACTUAL, 80), new Threshold(NotificationType.ACTUAL, 100),
            new Threshold(NotificationType.FORECASTED, 100));
    private static final String TAG_FILTER = "TagKeyValue";

    private final AwsContext aws;
    private final String account;

    public BudgetService(AwsContext aws, String account) {
        this.aws = aws;
        this.account = account;
    }

    /** The budget name for a project: budget names may not contain ':' or '\'. */
    public static String nameFor(String project) {
        return PREFIX + project.replace(':', '-').replace('\\', '-').replace("/action/", "-action-");
    }

    /** A Project value fit for a tag and a budget name, else a usage error. */
    public static String checkProject(String project) {
        String p = project == null ? "" : project.strip();
        if (p.isEmpty()) throw new UsageException("--project is empty");
        if (p.length() > 256 || !p.matches("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+")) {
            throw new UsageException("--project '" + p + "': a tag value has at most 256 letters, digits, spaces and _ . : / = + - @");
        }
        return p;
    }

    public List<BudgetStatus> list() {
        List<BudgetStatus> out = new ArrayList<>();
        String token = null;
        do {
            String t = token;
            var r = AwsContext.call(() -> budgets().describeBudgets(b -> b.accountId(account).nextToken(t)));
            for (Budget b : r.budgets()) out.add(status(b));
            token = r.nextToken();
        } while (token != null && !token.isEmpty());
        out.sort(java.util.Comparator.comparing(BudgetStatus::name));
        return out;
    }

    public Optional<BudgetStatus> find(String name) {
        return list().stream().filter(b -> b.name().equals(name)).findFirst();
    }

    public BudgetPlan plan(String project, double monthly, String email) {
        if (!(monthly > 0) || monthly > 1e9) throw new UsageException("--monthly " + monthly + ": expected an amount in USD above 0");
        String name = nameFor(project);
        BudgetStatus previous = find(name).orElse(null);
        List<String> notes = THRESHOLDS.stream().map(t -> label(t.type(), t.percent())).toList();
        return new BudgetPlan(previous == null ? "create" : "replace", name, project, Math.round(monthly * 100) / 100.0, email, notes,
                TAG_FILTER + " user:Project$" + project, previous);
    }

    /** Creates the planned budget; replacing deletes the old one first (AWS Budgets keeps no history of its own). */
    public void apply(BudgetPlan plan) {
        Budget budget = Budget.builder().budgetName(plan.name()).budgetType(BudgetType.COST).timeUnit(TimeUnit.MONTHLY)
                .budgetLimit(l -> l.amount(BigDecimal.valueOf(plan.limit())).unit("USD"))
                .costFilters(Map.of(TAG_FILTER, List.of("user:Project$" + plan.project())))
                .build();
        List<NotificationWithSubscribers> notes = THRESHOLDS.stream().map(t -> NotificationWithSubscribers.builder()
                .notification(Notification.builder().notificationType(t.type())
                        .comparisonOperator(ComparisonOperator.GREATER_THAN).threshold(t.percent())
                        .thresholdType(ThresholdType.PERCENTAGE).build())
                .subscribers(s -> s.subscriptionType(SubscriptionType.EMAIL).address(plan.email())).build()).toList();
        if (plan.previous() != null) remove(plan.name());
        AwsContext.call(() -> budgets().createBudget(b -> b.accountId(account).budget(budget).notificationsWithSubscribers(notes)));
    }

    public void remove(String name) {
        AwsContext.call(() -> budgets().deleteBudget(b -> b.accountId(account).budgetName(name)));
    }

    private BudgetStatus status(Budget b) {
        double limit = b.budgetLimit() == null ? 0 : b.budgetLimit().amount().doubleValue();
        double actual = 0;
        Double forecast = null;
        if (b.calculatedSpend() != null) {
            if (b.calculatedSpend().actualSpend() != null) actual = b.calculatedSpend().actualSpend().amount().doubleValue();
            if (b.calculatedSpend().forecastedSpend() != null) forecast = b.calculatedSpend().forecastedSpend().amount().doubleValue();
        }
        String project = null;
        for (String v : b.costFilters().getOrDefault(TAG_FILTER, List.of())) {
            if (v.startsWith("user:Project$")) project = v.substring("user:Project$".length());
        }
        List<String> notes = new ArrayList<>();
        var r = AwsContext.call(() -> budgets().describeNotificationsForBudget(n -> n.accountId(account).budgetName(b.budgetName())));
        r.notifications().forEach(n -> notes.add(label(n.notificationType(), n.threshold())));
        return new BudgetStatus(b.budgetName(), project, b.timeUnitAsString(), limit, round(actual), forecast == null ? null : round(forecast),
                limit > 0 ? Math.round(actual / limit * 1000) / 10.0 : null, notes);
    }

    static String label(NotificationType type, Double threshold) {
        return type + ">" + (threshold == null ? "?" : (threshold == Math.rint(threshold) ? String.valueOf(threshold.longValue()) : threshold)) + "%";
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private BudgetsClient budgets() {
        return aws.budgets();
    }
}
