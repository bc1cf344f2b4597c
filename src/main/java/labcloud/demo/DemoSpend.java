package labcloud.demo;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import labcloud.aws.AwsContext;
import labcloud.core.ExitCode;
import labcloud.core.Json;
import labcloud.core.LabcloudException;

/**
 * The demo lab's bill: Cost Explorer answers queued in moto (its {@code /moto-api/static/ce/cost-and-usage-results}
 * endpoint hands them out in order, one per distinct request) and two project budgets. The bill is
 * built from a list of lines that mostly match the seeded resources, plus spend the inventory does
 * not explain: an egress burst from the genomics dataset bucket, a SageMaker notebook frank started
 * and a NAT gateway bob created (both in CloudTrail).
 */
public final class DemoSpend {
    /** Months of history the demo's report covers. */
    public static final int MONTHS = 6;
    /** Growth of the lab's spend over the five months before this one (oldest first). */
    private static final double[] GROWTH = {0.6, 0.7, 0.8, 0.9, 1.0};

    /**
     * One bill line: per-day amount, the tags Cost Explorer groups it by, and the day it started
     * (null: before the history). {@code burst}: a one-off amount on one day of this month instead.
     */
    record Line(String service, String usageType, String project, String owner, double perDay, LocalDate from,
                Integer burstDay, double burst) {}

    /** The days the queued answers cover, as `labcloud cost` asks for them (UTC, end dates exclusive). */
    record Period(LocalDate today, int months) {
        LocalDate monthStart() {
            return today.withDayOfMonth(1);
        }

        LocalDate tomorrow() {
            return today.plusDays(1);
        }

        LocalDate historyStart() {
            return monthStart().minusMonths(months - 1L);
        }

        int daysInMonth() {
            return today.lengthOfMonth();
        }
    }

    private DemoSpend() {}

    static List<Line> lines(LocalDate today) {
        LocalDate month = today.withDayOfMonth(1);
        List<Line> l = new ArrayList<>();
        l.add(daily("Amazon Elastic Compute Cloud - Compute", "USE1-BoxUsage:m5.xlarge", "vision", "bob", 4.61));
        l.add(daily("Amazon Elastic Compute Cloud - Compute", "APN1-BoxUsage:c6i.xlarge", "vision", "frank", 5.14));
        l.add(daily("EC2 - Other", "USW2-EBS:VolumeUsage.st1", "vision", "dave", 2.96));
        l.add(daily("Amazon Elastic Compute Cloud - Compute", "EU-BoxUsage:r5.large", "climate", "erin", 3.38));
        l.add(daily("Amazon Elastic Compute Cloud - Compute", "USW2-BoxUsage:c5.large", "climate", "", 2.04));
        l.add(daily("Amazon Elastic Compute Cloud - Compute", "USE1-BoxUsage:t3.medium", "genomics", "alice", 1.00));
        l.add(daily("EC2 - Other", "USE1-EBS:VolumeUsage.gp3", "genomics", "alice", 0.53));
        // the two Jupyter machines the demo's inventory holds (DemoAccount.seedMachines): on the bill too
        l.add(daily("Amazon Elastic Compute Cloud - Compute", "USE1-BoxUsage:t3.large", "genomics", "alice", 2.00));
        l.add(daily("Amazon Elastic Compute Cloud - Compute", "EU-BoxUsage:r5.xlarge", "vision", "dave", 6.77));
        l.add(daily("EC2 - Other", "USE1-EBS:SnapshotUsage", "genomics", "alice", 0.33));
        l.add(daily("Amazon Simple Storage Service", "USE1-TimedStorage-ByteHrs", "genomics", "alice", 0.19));
        l.add(daily("Amazon Simple Storage Service", "USE1-TimedStorage-ByteHrs", "admin", "alice", 0.02));
        l.add(daily("Amazon Simple Storage Service", "USE1-DataTransfer-Out-Bytes", "genomics", "alice", 0.10));
        l.add(new Line("Amazon Simple Storage Service", "USE1-DataTransfer-Out-Bytes", "genomics", "alice", 0, month,
                Math.min(3, today.getDayOfMonth()), 48.20));
        l.add(daily("EC2 - Other", "USE1-EBS:VolumeUsage.gp3", "", "dave", 1.32));
        l.add(daily("EC2 - Other", "USE1-EBS:VolumeUsage.piops", "", "", 6.82));
        l.add(daily("Amazon Elastic Compute Cloud - Compute", "EUC1-BoxUsage:t3a.small", "", "", 0.52));
        l.add(daily("Amazon Elastic Compute Cloud - Compute", "USE1-BoxUsage:t3.micro", "", "", 0.25));
        l.add(daily("Amazon Virtual Private Cloud", "USE1-PublicIPv4:IdleAddress", "", "", 0.12));
        l.add(new Line("Amazon SageMaker", "USE1-Notebk:ml.t3.xlarge", "", "", 4.90, month, null, 0));
        l.add(new Line("EC2 - Other", "USW2-NatGateway-Hours", "", "", 1.08, month.minusDays(11), null, 0));
        l.add(new Line("EC2 - Other", "USW2-NatGateway-Bytes", "", "", 0.35, month.minusDays(11), null, 0));
        return l;
    }

    private static Line daily(String service, String usageType, String project, String owner, double perDay) {
        return new Line(service, usageType, project, owner, perDay, null, null, 0);
    }

    /** When the unexplained spend started: the CloudTrail events the demo's trail records for it. */
    static void trailEvents(DemoAccount.EventSink sink, LocalDate today) {
        Instant notebook = today.withDayOfMonth(1).atTime(9, 12).toInstant(ZoneOffset.UTC);
        sink.event("us-east-1", "frank", notebook, "sagemaker.amazonaws.com", "CreateNotebookInstance",
                Map.of("notebookInstanceName", "frank-scratch", "instanceType", "ml.t3.xlarge"),
                Map.of("notebookInstanceArn", "arn:aws:sagemaker:us-east-1:" + DemoAccount.ACCOUNT + ":notebook-instance/frank-scratch"));
        Instant nat = today.withDayOfMonth(1).minusDays(11).atTime(14, 3).toInstant(ZoneOffset.UTC);
        sink.event("us-west-2", "bob", nat, "ec2.amazonaws.com", "CreateNatGateway",
                Map.of("subnetId", "subnet-0b1c2d3e", "allocationId", "eipalloc-0nat"),
                Map.of("natGateway", Map.of("natGatewayId", "nat-0a1b2c3d4e5f60718", "state", "pending")));
    }

    /** Queues the Cost Explorer answers of a `labcloud cost --by project` run on {@code today}, and creates the budgets. */
    static void seed(AwsContext aws, LocalDate today) {
        Period p = new Period(today, MONTHS);
        List<Line> lines = lines(today);
        List<Map<String, Object>> results = new ArrayList<>();
        // The order of labcloud.app.SpendReport.QUERIES: by Project, by Owner, per day, per usage type.
        results.add(monthly(p, lines, l -> "Project$" + l.project()));
        results.add(monthly(p, lines, l -> "Owner$" + l.owner()));
        results.add(daily(p, lines));
        results.add(usageLines(p, lines));
        post(aws.endpoint("COST_EXPLORER").orElseThrow(), Map.of("results", results));
        Map<String, Double> mtd = new TreeMap<>();
        for (Line l : lines) mtd.merge(l.project(), monthAmount(l, p.monthStart(), p.tomorrow(), today, 1.0), Double::sum);
        budget(aws, "labcloud-project-genomics", "genomics", 50, mtd.get("genomics"), p);
        budget(aws, "labcloud-project-vision", "vision", 400, mtd.get("vision"), p);
    }

    /** A line's spend between two days (end exclusive), today counting half (the day is not over). */
    static double monthAmount(Line l, LocalDate start, LocalDate end, LocalDate today, double growth) {
        double sum = 0;
        for (LocalDate d = start; d.isBefore(end); d = d.plusDays(1)) sum += dayAmount(l, d, today, growth);
        return sum;
    }

    private static double dayAmount(Line l, LocalDate d, LocalDate today, double growth) {
        if (l.from() != null && d.isBefore(l.from())) return 0;
        double v = l.perDay() * growth;
        if (l.burstDay() != null && d.getMonth() == today.getMonth() && d.getYear() == today.getYear() && d.getDayOfMonth() == l.burstDay()) {
            v += l.burst();
        }
        return d.equals(today) ? v / 2 : v;
    }

    private static Map<String, Object> monthly(Period p, List<Line> lines, Function<Line, String> key) {
        List<Object> periods = new ArrayList<>();
        LocalDate start = p.historyStart();
        int i = 0;
        while (start.isBefore(p.tomorrow())) {
            LocalDate end = start.plusMonths(1).isAfter(p.tomorrow()) ? p.tomorrow() : start.plusMonths(1);
            double growth = start.equals(p.monthStart()) ? 1.0 : GROWTH[Math.min(i, GROWTH.length - 1)];
            Map<String, Double> groups = new TreeMap<>();
            for (Line l : lines) groups.merge(key.apply(l), monthAmount(l, start, end, p.today(), growth), Double::sum);
            List<Object> g = new ArrayList<>();
            groups.forEach((k, v) -> {
                if (v > 0) g.add(Map.of("Keys", List.of(k), "Metrics", metric(v)));
            });
            periods.add(period(start, end, Map.of(), g, start.equals(p.monthStart())));
            start = end;
            i++;
        }
        return Map.of("ResultsByTime", periods, "DimensionValueAttributes", List.of());
    }

    private static Map<String, Object> daily(Period p, List<Line> lines) {
        List<Object> periods = new ArrayList<>();
        for (LocalDate d = p.monthStart(); d.isBefore(p.tomorrow()); d = d.plusDays(1)) {
            double sum = 0;
            for (Line l : lines) sum += dayAmount(l, d, p.today(), 1.0);
            periods.add(period(d, d.plusDays(1), metric(sum), List.of(), true));
        }
        return Map.of("ResultsByTime", periods, "DimensionValueAttributes", List.of());
    }

    private static Map<String, Object> usageLines(Period p, List<Line> lines) {
        Map<List<String>, Double> byLine = new LinkedHashMap<>();
        for (Line l : lines) byLine.merge(List.of(l.service(), l.usageType()), monthAmount(l, p.monthStart(), p.tomorrow(), p.today(), 1.0), Double::sum);
        List<Object> g = new ArrayList<>();
        byLine.forEach((k, v) -> g.add(Map.of("Keys", k, "Metrics", metric(v))));
        return Map.of("ResultsByTime", List.of(period(p.monthStart(), p.tomorrow(), Map.of(), g, true)), "DimensionValueAttributes", List.of());
    }

    private static Map<String, Object> period(LocalDate start, LocalDate end, Map<String, Object> total, List<Object> groups, boolean estimated) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("TimePeriod", Map.of("Start", start.toString(), "End", end.toString()));
        m.put("Total", total);
        m.put("Groups", groups);
        m.put("Estimated", estimated);
        return m;
    }

    private static Map<String, Object> metric(double v) {
        return Map.of("UnblendedCost", Map.of("Amount", String.format(java.util.Locale.ROOT, "%.4f", v), "Unit", "USD"));
    }

    private static void budget(AwsContext aws, String name, String project, double limit, double actual, Period p) {
        double forecast = actual / Math.max(1, p.today().getDayOfMonth() - 0.5) * p.daysInMonth();
        aws.budgets().createBudget(b -> b.accountId(DemoAccount.ACCOUNT).budget(x -> x.budgetName(name).budgetType("COST").timeUnit("MONTHLY")
                        .budgetLimit(s -> s.amount(BigDecimal.valueOf(limit)).unit("USD"))
                        .costFilters(Map.of("TagKeyValue", List.of("user:Project$" + project)))
                        .calculatedSpend(c -> c.actualSpend(s -> s.amount(BigDecimal.valueOf(Math.round(actual * 100) / 100.0)).unit("USD"))
                                .forecastedSpend(s -> s.amount(BigDecimal.valueOf(Math.round(forecast * 100) / 100.0)).unit("USD"))))
                .notificationsWithSubscribers(n -> n.notification(x -> x.notificationType("ACTUAL").comparisonOperator("GREATER_THAN")
                        .threshold(80.0).thresholdType("PERCENTAGE")).subscribers(s -> s.subscriptionType("EMAIL")
                        .address(DemoAccount.PEOPLE.get("genomics".equals(project) ? "alice" : "bob")))));
    }

    private static void post(URI endpoint, Object body) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/static/ce/cost-and-usage-results"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) throw new LabcloudException(ExitCode.FAILED, "moto refused the demo's Cost Explorer answers: HTTP " + r.statusCode());
        } catch (java.io.IOException e) {
            throw new LabcloudException(ExitCode.FAILED, "cannot seed the demo's Cost Explorer answers: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabcloudException(ExitCode.FAILED, "interrupted");
        }
    }
}
