package labcloud.cost;

import com.fasterxml.jackson.databind.JavaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import labcloud.aws.AwsContext;
import labcloud.aws.ThrottleRetry;
import labcloud.core.ExitCode;
import labcloud.core.LabcloudException;
import labcloud.cost.CostRecords.AllocationTag;
import labcloud.cost.CostRecords.DailyCost;
import labcloud.cost.CostRecords.ForecastAnswer;
import labcloud.cost.CostRecords.Month;
import labcloud.cost.CostRecords.MonthlyCosts;
import labcloud.cost.CostRecords.UsageLine;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;
import software.amazon.awssdk.services.costexplorer.model.CostAllocationTagType;
import software.amazon.awssdk.services.costexplorer.model.DateInterval;
import software.amazon.awssdk.services.costexplorer.model.GetCostAndUsageRequest;
import software.amazon.awssdk.services.costexplorer.model.GetCostAndUsageResponse;
import software.amazon.awssdk.services.costexplorer.model.Granularity;
import software.amazon.awssdk.services.costexplorer.model.GroupDefinition;
import software.amazon.awssdk.services.costexplorer.model.GroupDefinitionType;
import software.amazon.awssdk.services.costexplorer.model.Metric;
import software.amazon.awssdk.services.costexplorer.model.MetricValue;
import software.amazon.awssdk.services.costexplorer.model.ResultByTime;

/**
 * Reads Cost Explorer: grouped monthly spend, daily spend, bill lines by service and usage type,
 * the forecast and the cost-allocation status of tags. Every request costs $0.01, so each answer
 * is first looked up in the {@link CostCache} and only fetched when missing, too old or
 * {@code refresh} is set; {@link #paidRequests()} counts what was actually sent (each page counts).
 */
public final class CostExplorerReader {
    public static final String METRIC = "UnblendedCost";

    private final AwsContext aws;
    private final CostCache cache;
    private final Duration maxAge;
    private final boolean refresh;
    private final Clock clock;
    private final ThrottleRetry retry;
    private final AtomicInteger paid = new AtomicInteger();
    private final AtomicInteger cached = new AtomicInteger();
    private volatile Instant oldest;

    public CostExplorerReader(AwsContext aws, CostCache cache, Duration maxAge, boolean refresh, Clock clock) {
        this.aws = aws;
        this.cache = cache;
        this.maxAge = maxAge;
        this.refresh = refresh;
        this.clock = clock;
        this.retry = new ThrottleRetry(aws.environment());
    }

    /** Requests sent to Cost Explorer by this reader (and charged for). */
    public int paidRequests() {
        return paid.get();
    }

    /** Answers served from the store instead. */
    public int cachedAnswers() {
        return cached.get();
    }

    /** When the oldest answer used was fetched (now, for a run without cached answers). */
    public Instant oldestAnswer() {
        return oldest;
    }

    public MonthlyCosts monthly(CostDimension by, LocalDate start, LocalDate end) {
        String key = "GetCostAndUsage MONTHLY " + start + ".." + end + " " + by.groupDefinition().typeAsString() + ":" + by.key();
        return cached(key, MonthlyCosts.class, () -> {
            List<Month> months = new ArrayList<>();
            for (ResultByTime r : costAndUsage(Granularity.MONTHLY, start, end, List.of(by.groupDefinition()))) {
                Map<String, Double> groups = new LinkedHashMap<>();
                r.groups().forEach(g -> groups.merge(by.groupValue(g.keys().isEmpty() ? null : g.keys().get(0)), amount(g.metrics()), Double::sum));
                double total = r.groups().isEmpty() ? amount(r.total()) : groups.values().stream().mapToDouble(Double::doubleValue).sum();
                String from = r.timePeriod().start();
                months.add(new Month(from.substring(0, 7), LocalDate.parse(from), LocalDate.parse(r.timePeriod().end()),
                        Boolean.TRUE.equals(r.estimated()), groups, total));
            }
            return new MonthlyCosts(by.label(), months);
        });
    }

    public List<DailyCost> daily(LocalDate start, LocalDate end) {
        String key = "GetCostAndUsage DAILY " + start + ".." + end;
        return cachedList(key, DailyCost.class, () -> costAndUsage(Granularity.DAILY, start, end, List.of()).stream()
                .map(r -> new DailyCost(LocalDate.parse(r.timePeriod().start()), amount(r.total()), Boolean.TRUE.equals(r.estimated())))
                .toList());
    }

    /** The period's bill by service and usage type, largest first. */
    public List<UsageLine> usageLines(LocalDate start, LocalDate end) {
        String key = "GetCostAndUsage MONTHLY " + start + ".." + end + " DIMENSION:SERVICE,USAGE_TYPE";
        List<GroupDefinition> groups = List.of(
                GroupDefinition.builder().type(GroupDefinitionType.DIMENSION).key("SERVICE").build(),
                GroupDefinition.builder().type(GroupDefinitionType.DIMENSION).key("USAGE_TYPE").build());
        return cachedList(key, UsageLine.class, () -> {
            Map<String, UsageLine> lines = new LinkedHashMap<>();
            for (ResultByTime r : costAndUsage(Granularity.MONTHLY, start, end, groups)) {
                r.groups().forEach(g -> {
                    String service = g.keys().isEmpty() ? "" : g.keys().get(0);
                    String usage = g.keys().size() < 2 ? "" : g.keys().get(1);
                    lines.merge(service + "\u0000" + usage, new UsageLine(service, usage, amount(g.metrics())),
                            (a, b) -> new UsageLine(a.service(), a.usageType(), a.amount() + b.amount()));
                });
            }
            List<UsageLine> out = new ArrayList<>(lines.values());
            out.sort((a, b) -> Double.compare(b.amount(), a.amount()));
            return out;
        });
    }

    /** AWS's forecast of spend from {@code start} (today at the earliest) to {@code end}. */
    public ForecastAnswer forecast(LocalDate start, LocalDate end) {
        String key = "GetCostForecast MONTHLY " + start + ".." + end;
        return cached(key, ForecastAnswer.class, () -> {
            var r = send(() -> ce().getCostForecast(b -> b.timePeriod(interval(start, end)).metric(Metric.UNBLENDED_COST)
                    .granularity(Granularity.MONTHLY).predictionIntervalLevel(80)));
            Double low = null;
            Double high = null;
            if (r.forecastResultsByTime().size() == 1) {
                var f = r.forecastResultsByTime().get(0);
                low = parse(f.predictionIntervalLowerBound());
                high = parse(f.predictionIntervalUpperBound());
            }
            return new ForecastAnswer(r.total() == null ? 0 : parse(r.total().amount()), low, high);
        });
    }

    /** The cost-allocation status of the given user-defined tag keys. */
    public List<AllocationTag> allocationTags(List<String> keys) {
        String key = "ListCostAllocationTags UserDefined " + String.join(",", keys);
        return cachedList(key, AllocationTag.class, () -> {
            Map<String, String> status = new LinkedHashMap<>();
            String token = null;
            do {
                String t = token;
                var r = send(() -> ce().listCostAllocationTags(b -> b.tagKeys(keys).type(CostAllocationTagType.USER_DEFINED).nextToken(t)));
                r.costAllocationTags().forEach(tag -> status.put(tag.tagKey(), tag.statusAsString()));
                token = r.nextToken();
            } while (token != null && !token.isEmpty());
            return keys.stream().map(k -> new AllocationTag(k, status.getOrDefault(k, "not seen"))).toList();
        });
    }

    // ---- requests ------------------------------------------------------------------------------

    private List<ResultByTime> costAndUsage(Granularity g, LocalDate start, LocalDate end, List<GroupDefinition> groups) {
        List<ResultByTime> all = new ArrayList<>();
        String token = null;
        do {
            String t = token;
            GetCostAndUsageRequest req = GetCostAndUsageRequest.builder().timePeriod(interval(start, end)).granularity(g)
                    .metrics(METRIC).groupBy(groups.isEmpty() ? null : groups).nextPageToken(t).build();
            GetCostAndUsageResponse r = send(() -> ce().getCostAndUsage(req));
            all.addAll(r.resultsByTime());
            token = r.nextPageToken();
        } while (token != null && !token.isEmpty());
        // Pages split groups, not periods: merge results of the same period.
        Map<String, ResultByTime> byPeriod = new LinkedHashMap<>();
        for (ResultByTime r : all) {
            byPeriod.merge(r.timePeriod().start(), r, (a, b) -> a.toBuilder().groups(concat(a.groups(), b.groups())).build());
        }
        return new ArrayList<>(byPeriod.values());
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private CostExplorerClient ce() {
        return aws.costExplorer();
    }

    private <T> T send(Supplier<T> call) {
        try {
            T answer = retry.call(call);
            paid.incrementAndGet();
            return answer;
        } catch (LabcloudException e) {
            throw CostExplorerErrors.explain(e);
        }
    }

    private <T> T cached(String key, Class<T> type, Supplier<T> fetch) {
        return cachedAs(key, CostCache.READER.getTypeFactory().constructType(type), fetch);
    }

    private <T> List<T> cachedList(String key, Class<T> element, Supplier<List<T>> fetch) {
        return cachedAs(key, CostCache.READER.getTypeFactory().constructCollectionType(List.class, element), fetch);
    }

    private <T> T cachedAs(String key, JavaType type, Supplier<T> fetch) {
        Instant now = clock.instant();
        if (!refresh) {
            Optional<CostCache.Entry<T>> hit = cache.get(key, type, maxAge, now);
            if (hit.isPresent()) {
                cached.incrementAndGet();
                note(hit.get().fetchedAt());
                return hit.get().value();
            }
        }
        T value = fetch.get();
        cache.put(key, value, now);
        note(now);
        return value;
    }

    private synchronized void note(Instant fetched) {
        if (oldest == null || fetched.isBefore(oldest)) oldest = fetched;
    }

    private static DateInterval interval(LocalDate start, LocalDate end) {
        return DateInterval.builder().start(start.toString()).end(end.toString()).build();
    }

    private static double amount(Map<String, MetricValue> metrics) {
        MetricValue v = metrics == null ? null : metrics.get(METRIC);
        return v == null ? 0 : parse(v.amount());
    }

    private static Double parse(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new LabcloudException(ExitCode.FAILED, "Cost Explorer returned an amount that is not a number: '" + s + "'");
        }
    }
}
