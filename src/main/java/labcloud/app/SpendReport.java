package labcloud.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import labcloud.aws.AwsContext;
import labcloud.aws.AwsErrors;
import labcloud.core.LabcloudException;
import labcloud.core.ProgressListener;
import labcloud.core.RegionError;
import labcloud.cost.BudgetService;
import labcloud.cost.BudgetStatus;
import labcloud.cost.CostCache;
import labcloud.cost.CostDimension;
import labcloud.cost.CostExplorerReader;
import labcloud.cost.CostPeriod;
import labcloud.cost.CostRecords.AllocationTag;
import labcloud.cost.CostRecords.DailyCost;
import labcloud.cost.CostRecords.ForecastAnswer;
import labcloud.cost.CostRecords.Month;
import labcloud.cost.CostRecords.MonthlyCosts;
import labcloud.cost.CostRecords.UsageLine;
import labcloud.cost.CostSettings;
import labcloud.cost.Reconciler;
import labcloud.cost.Reconciliation;
import labcloud.cost.Spend;
import labcloud.cost.SpendStore;
import labcloud.cost.UsageCategory;
import labcloud.inventory.Inventory;
import labcloud.inventory.InventoryOptions;
import labcloud.inventory.InventoryService;
import labcloud.inventory.Resource;
import labcloud.policy.rules.ProjectSpend;
import labcloud.store.Store;
import labcloud.trail.TrailEvent;
import labcloud.trail.TrailFilter;
import labcloud.trail.TrailResult;
import labcloud.trail.TrailService;

/**
 * `labcloud cost`: what the lab actually pays (Cost Explorer), against what the inventory says it
 * should pay, where the month is heading, and the bill lines nothing inventoried explains, with
 * who started them (CloudTrail). The report is saved in the store for the dashboard.
 *
 * <p>Cost Explorer requests go out in a fixed order (see {@link #QUERIES}); an emulator that
 * queues its answers (moto) is seeded in that order.
 */
public final class SpendReport {
    /** The lab's tags, whose cost-allocation status is checked. */
    public static final List<String> LAB_TAGS = List.of("Project", "Owner", "Email", "Task");
    /** The GetCostAndUsage requests of a run, in order: monthly by Project and by Owner, monthly by --by (when
     * another), the month's days, the month's lines by service and usage type. */
    public static final List<String> QUERIES = List.of("monthly:project", "monthly:owner", "monthly:by", "daily", "usage-lines");
    /** How far back CloudTrail is searched for who started unexplained spend (LookupEvents' own horizon). */
    static final Duration TRAIL_LOOKBACK = Duration.ofDays(90);
    private static final Set<String> COSTED_TYPES = Set.of(Resource.EC2_INSTANCE, Resource.EBS_VOLUME, Resource.EBS_SNAPSHOT,
            Resource.EFS_FILESYSTEM, Resource.S3_BUCKET, Resource.ELASTIC_IP);

    /**
     * @param regions         regions whose inventory is compared (already resolved)
     * @param deepBucketSizes list bucket contents where CloudWatch has no size (emulators)
     */
    public record Options(CostDimension by, int months, boolean refresh, CostSettings settings, List<String> regions,
                          boolean deepBucketSizes, Clock clock) {}

    private SpendReport() {}

    public static Spend run(AwsContext aws, Store store, Options o, ProgressListener progress) {
        return run(aws, store, o, progress, null);
    }

    /** The lab's account and store; {@code known} as below. */
    public static Spend run(Lab lab, Options o, ProgressListener progress, Inventory known) {
        return run(lab.aws(), lab.store(), o, progress, known);
    }

    /** @param known an inventory of {@code o.regions()} just collected (the demo's), or null to collect one */
    public static Spend run(AwsContext aws, Store store, Options o, ProgressListener progress, Inventory known) {
        Instant now = o.clock().instant();
        CostPeriod period = new CostPeriod(LocalDate.ofInstant(now, ZoneOffset.UTC), o.months());
        String account = aws.callerIdentity().account();
        CostExplorerReader ce = new CostExplorerReader(aws, new CostCache(store, account), o.settings().cacheMaxAge(), o.refresh(), o.clock());
        List<String> warnings = new ArrayList<>();
        List<RegionError> errors = new ArrayList<>();

        progress.update("Cost Explorer: spend by month");
        MonthlyCosts byProject = ce.monthly(CostDimension.PROJECT, period.historyStart(), period.tomorrow());
        MonthlyCosts byOwner = ce.monthly(CostDimension.OWNER, period.historyStart(), period.tomorrow());
        MonthlyCosts byChosen = o.by() == CostDimension.PROJECT ? byProject : o.by() == CostDimension.OWNER ? byOwner
                : ce.monthly(o.by(), period.historyStart(), period.tomorrow());
        progress.update("Cost Explorer: this month by day and by usage type");
        List<DailyCost> daily = ce.daily(period.monthStart(), period.tomorrow());
        List<UsageLine> lines = ce.usageLines(period.monthStart(), period.tomorrow());
        Map<String, Double> projectMtd = current(byProject, period);
        double monthToDate = round(projectMtd.values().stream().mapToDouble(Double::doubleValue).sum());
        Spend.Forecast forecast = forecast(ce, o.settings(), period, daily, errors);
        List<AllocationTag> tags = allocationTags(ce, o.settings(), projectMtd, warnings);

        progress.update("inventory of " + o.regions().size() + " regions");
        Inventory inv = known != null ? known
                : InventoryService.collect(aws, new InventoryOptions(o.regions(), COSTED_TYPES, o.deepBucketSizes(), now));
        errors.addAll(inv.errors());
        List<Reconciliation.Unexplained> gaps = Reconciler.unexplained(inv.resources(), lines, List.of());
        List<TrailEvent> events = gaps.isEmpty() ? List.of() : starters(aws, gaps, now, warnings, progress);
        Reconciliation recon = Reconciler.build(period, inv.resources(), projectMtd, current(byOwner, period), forecast.monthEnd(),
                lines, events);

        progress.update("budgets");
        List<BudgetStatus> budgets = budgets(aws, account, warnings);
        progress.done();
        Spend spend = new Spend(account, now, "USD", o.by().label(), Spend.Period.of(period), byChosen.months(), byProject.months(),
                monthToDate, daily, forecast, recon, budgets, tags, warnings,
                new Spend.Requests(ce.paidRequests(), ce.cachedAnswers(), round(ce.paidRequests() * 0.01),
                        ce.oldestAnswer(), o.settings().cacheMaxAge().toString()), errors);
        new SpendStore(store).save(spend);
        return spend;
    }

    /** This month's groups of a monthly series (empty when Cost Explorer returned no row for it). */
    static Map<String, Double> current(MonthlyCosts m, CostPeriod period) {
        for (Month month : m.months()) {
            if (month.start().equals(period.monthStart())) return month.groups();
        }
        return Map.of();
    }

    /** Spend of the complete days so far plus AWS's forecast for the rest; a local estimate where AWS has none. */
    static Spend.Forecast forecast(CostExplorerReader ce, CostSettings settings, CostPeriod period, List<DailyCost> daily,
                                   List<RegionError> errors) {
        double done = daily.stream().filter(d -> d.date().isBefore(period.today())).mapToDouble(DailyCost::amount).sum();
        String why = "cost.forecast is 'local' in config.yaml";
        if (settings.awsForecast()) {
            try {
                ForecastAnswer f = ce.forecast(period.today(), period.monthEnd());
                return new Spend.Forecast(round(done + f.amount()), round(f.amount()),
                        f.low() == null ? null : round(done + f.low()), f.high() == null ? null : round(done + f.high()),
                        "aws", "complete days so far plus GetCostForecast for " + period.today() + " to the month's end (80% interval)");
            } catch (LabcloudException e) {
                if (AwsErrors.isAuth(e)) {
                    errors.add(new RegionError("global", "ce", e.getMessage(), true));
                    return new Spend.Forecast(null, null, null, null, "none", "no forecast: " + e.getMessage());
                }
                why = "AWS gave no forecast (" + e.getMessage() + ")";
            }
        }
        int days = period.completeDays();
        double today = daily.stream().filter(d -> d.date().equals(period.today())).mapToDouble(DailyCost::amount).sum();
        double perDay = days > 0 ? median(daily.stream().filter(d -> d.date().isBefore(period.today())).mapToDouble(DailyCost::amount).toArray())
                : today;
        double remaining = perDay * (period.daysInMonth() - days);
        return new Spend.Forecast(round(done + remaining), round(remaining), null, null, "local",
                "labcloud's estimate, not AWS's: the month's complete days plus its median day times the days left; " + why);
    }

    private static List<AllocationTag> allocationTags(CostExplorerReader ce, CostSettings settings, Map<String, Double> projectMtd,
                                                      List<String> warnings) {
        List<AllocationTag> tags = List.of();
        if (settings.allocationTagCheck()) {
            try {
                tags = ce.allocationTags(LAB_TAGS);
                List<String> inactive = tags.stream().filter(t -> !t.active()).map(AllocationTag::key).toList();
                if (!inactive.isEmpty()) warnings.add(activationHint(inactive));
            } catch (LabcloudException e) {
                warnings.add("cannot check which tags are cost-allocation tags: " + e.getMessage());
            }
        } else {
            warnings.add("cost-allocation tag status not checked (cost.allocationTagCheck is false in config.yaml)");
        }
        double total = projectMtd.values().stream().mapToDouble(Double::doubleValue).sum();
        double untagged = projectMtd.getOrDefault(CostDimension.UNTAGGED, 0.0);
        if (total > 0 && untagged >= total - 0.005 && tags.stream().allMatch(AllocationTag::active)) {
            warnings.add("all of this month's spend is untagged by Project: if the tag was activated for cost allocation "
                    + "recently, AWS applies it to new costs only, within 24 hours");
        }
        return tags;
    }

    /** The warning for tags that are not active cost-allocation tags, with how to activate them. */
    public static String activationHint(List<String> inactive) {
        StringBuilder cmd = new StringBuilder("aws ce update-cost-allocation-tags-status --cost-allocation-tags-status");
        inactive.forEach(k -> cmd.append(" TagKey=").append(k).append(",Status=Active"));
        return "not activated as cost-allocation tags: " + String.join(", ", inactive) + " (spend by those tags shows as "
                + CostDimension.UNTAGGED + "); activate them in the management account: " + cmd
                + " (or Billing console > Cost allocation tags); AWS applies them to new costs within 24 hours";
    }

    /** CloudTrail events that start the kinds of spend the gaps are, in their regions. */
    private static List<TrailEvent> starters(AwsContext aws, List<Reconciliation.Unexplained> gaps, Instant now, List<String> warnings,
                                             ProgressListener progress) {
        Set<String> names = new HashSet<>();
        Set<String> regions = new TreeSet<>();
        for (Reconciliation.Unexplained g : gaps) {
            Set<String> n = UsageCategory.startingEvents(g.service(), g.usageType());
            if (n.isEmpty() || "global".equals(g.region())) continue;
            names.addAll(n);
            regions.add(g.region());
        }
        if (names.isEmpty()) return List.of();
        progress.update("CloudTrail: who started the unexplained spend");
        try {
            TrailResult r = new TrailService(aws).events(new TrailFilter(null, null, names, now.minus(TRAIL_LOOKBACK), now),
                    new ArrayList<>(regions), TrailService.Source.AUTO);
            r.errors().forEach(e -> warnings.add("CloudTrail " + e.region() + ": " + e.message()));
            return r.events();
        } catch (LabcloudException e) {
            warnings.add("cannot read CloudTrail to name who started unexplained spend: " + e.getMessage());
            return List.of();
        }
    }

    private static List<BudgetStatus> budgets(AwsContext aws, String account, List<String> warnings) {
        try {
            return new BudgetService(aws, account).list();
        } catch (LabcloudException e) {
            warnings.add("cannot read the account's budgets: " + e.getMessage());
            return List.of();
        }
    }

    /**
     * For the audit: this month's spend per Project from the latest report in the store (the audit
     * itself never pays for a Cost Explorer request) and the projects AWS Budgets watches (live,
     * else that report's list); null when no report was made for the account.
     */
    public static ProjectSpend projectSpend(AwsContext aws, Store store, String account) {
        Optional<Spend> latest = new SpendStore(store).latest(account);
        if (latest.isEmpty()) return null;
        Spend s = latest.get();
        Map<String, Double> spend = new TreeMap<>();
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
        return new ProjectSpend(s.generatedAt(), spend, budgeted);
    }

    /** The median, so that one burst (a big download) does not become the rest of the month's every day. */
    static double median(double[] v) {
        if (v.length == 0) return 0;
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** Rounding to cents, as every amount in the report. */
    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
