package labcloud.cost;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import labcloud.cost.CostRecords.UsageLine;
import labcloud.inventory.Resource;
import labcloud.trail.TrailEvent;

/** Builds the {@link Reconciliation} from the inventory, Cost Explorer's actuals and CloudTrail. */
public final class Reconciler {
    /** Lines smaller than this are noise (rounding, a few requests), not a gap worth explaining. */
    static final double MIN_UNEXPLAINED = 0.01;
    private static final int MAX_NAMES = 3;

    private Reconciler() {}

    /**
     * @param resources     the live inventory, priced
     * @param projectActual month-to-date spend per Project value
     * @param ownerActual   month-to-date spend per Owner value
     * @param forecast      the month-end forecast for the whole account, or null when unknown
     * @param lines         the month's bill by service and usage type
     * @param events        CloudTrail events that start spend (see {@link UsageCategory#startingEvents})
     */
    public static Reconciliation build(CostPeriod period, List<Resource> resources, Map<String, Double> projectActual,
                                       Map<String, Double> ownerActual, Double forecast, List<UsageLine> lines,
                                       List<TrailEvent> events) {
        double elapsed = (double) period.today().getDayOfMonth() / period.daysInMonth();
        double total = projectActual.values().stream().mapToDouble(Double::doubleValue).sum();
        List<Reconciliation.Row> byProject = rows(estimates(resources, "Project"), projectActual, total, forecast, elapsed);
        List<Reconciliation.Row> byOwner = rows(estimates(resources, "Owner"), ownerActual, total, forecast, elapsed);
        List<Reconciliation.Unexplained> unexplained = unexplained(resources, lines, events);
        double estimate = priced(resources).mapToDouble(Resource::monthlyCost).sum();
        double gap = unexplained.stream().mapToDouble(Reconciliation.Unexplained::amount).sum();
        return new Reconciliation(byProject, byOwner, unexplained,
                new Reconciliation.Totals(round(estimate), round(estimate * elapsed), round(total), forecast == null ? null : round(forecast),
                        round(gap)));
    }

    private static java.util.stream.Stream<Resource> priced(List<Resource> resources) {
        return resources.stream().filter(r -> r.monthlyCost() != null && !r.type().startsWith("iam-"));
    }

    /** The inventory's monthly run-rate per value of a tag; resources without it under "(untagged)". */
    static Map<String, Double> estimates(List<Resource> resources, String tag) {
        Map<String, Double> m = new TreeMap<>();
        priced(resources).forEach(r -> {
            String v = r.tags() == null ? null : r.tags().get(tag);
            m.merge(v == null || v.isBlank() ? CostDimension.UNTAGGED : v.trim(), r.monthlyCost(), Double::sum);
        });
        return m;
    }

    private static List<Reconciliation.Row> rows(Map<String, Double> estimates, Map<String, Double> actual, double total,
                                                 Double forecast, double elapsed) {
        Set<String> keys = new LinkedHashSet<>(actual.keySet());
        keys.addAll(estimates.keySet());
        List<Reconciliation.Row> out = new ArrayList<>();
        for (String k : keys) {
            Double est = estimates.get(k);
            double act = actual.getOrDefault(k, 0.0);
            Double fc = forecast == null || total <= 0 ? null : round(forecast * act / total);
            out.add(new Reconciliation.Row(k, est == null ? null : round(est), round(est == null ? 0 : est * elapsed), round(act), fc));
        }
        out.sort(Comparator.comparingDouble((Reconciliation.Row r) -> -r.actual())
                .thenComparingDouble(r -> r.estimate() == null ? 0 : -r.estimate()).thenComparing(Reconciliation.Row::value));
        return out;
    }

    public static List<Reconciliation.Unexplained> unexplained(List<Resource> resources, List<UsageLine> lines, List<TrailEvent> events) {
        Map<String, Set<String>> typesByRegion = new HashMap<>();
        resources.forEach(r -> typesByRegion.computeIfAbsent(r.type(), k -> new java.util.HashSet<>()).add(r.region()));
        List<Reconciliation.Unexplained> out = new ArrayList<>();
        for (UsageLine line : lines) {
            if (line.amount() < MIN_UNEXPLAINED) continue;
            String region = UsageCategory.region(line.usageType());
            String type = UsageCategory.resourceType(line.service(), line.usageType());
            String reason;
            if (type == null) {
                reason = describe(line);
            } else if (!typesByRegion.getOrDefault(type, Set.of()).contains(region)) {
                reason = "no " + type + " in " + region + " in the inventory (deleted since, or a region not scanned)";
            } else {
                continue;
            }
            out.add(new Reconciliation.Unexplained(line.service(), line.usageType(), region, round(line.amount()), reason,
                    startedBy(line, region, resources, events)));
        }
        out.sort(Comparator.comparingDouble(u -> -u.amount()));
        return out;
    }

    private static String describe(UsageLine line) {
        String u = UsageCategory.base(line.usageType());
        if (u.startsWith("NatGateway")) return "NAT gateway (labcloud does not inventory NAT gateways)";
        if (u.contains("DataTransfer") && u.contains("Out")) return "data transfer out (egress): no resource estimate covers it";
        if (u.contains("DataTransfer")) return "data transfer: no resource estimate covers it";
        return "a service labcloud does not inventory";
    }

    /** Who started spend of this kind in CloudTrail; for data transfer, the resources it likely leaves from. */
    private static List<String> startedBy(UsageLine line, String region, List<Resource> resources, List<TrailEvent> events) {
        Set<String> names = UsageCategory.startingEvents(line.service(), line.usageType());
        Map<String, String> who = new LinkedHashMap<>();
        List<TrailEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(TrailEvent::time).reversed());
        for (TrailEvent e : sorted) {
            if (!names.contains(e.event()) || !(region.equals(e.region()) || "global".equals(region))) continue;
            if (e.user() == null || who.containsKey(e.user())) continue;
            who.put(e.user(), e.user() + " (" + e.event() + " " + e.time().atZone(ZoneOffset.UTC).toLocalDate() + ")");
            if (who.size() == MAX_NAMES) break;
        }
        if (!who.isEmpty()) return List.copyOf(who.values());
        String u = UsageCategory.base(line.usageType());
        if (!u.contains("DataTransfer") && !u.contains("-Out-Bytes")) return List.of();
        String sourceType = "Amazon Simple Storage Service".equals(line.service()) ? Resource.S3_BUCKET : Resource.EC2_INSTANCE;
        List<String> likely = new ArrayList<>();
        List<Resource> candidates = resources.stream().filter(r -> r.type().equals(sourceType) && region.equals(r.region()))
                .filter(r -> !Resource.EC2_INSTANCE.equals(sourceType) || "running".equals(r.state()))
                .sorted(Comparator.comparingDouble(r -> -size(r))).toList();
        for (Resource r : candidates) {
            String owner = r.tags() == null ? null : r.tags().get("Owner");
            likely.add("likely " + (r.name() == null ? r.id() : r.name()) + (owner == null || owner.isBlank() ? "" : " (Owner " + owner + ")"));
            if (likely.size() == MAX_NAMES) break;
        }
        return likely;
    }

    /** What a transfer most likely leaves from first: the biggest bucket, the costliest instance. */
    private static double size(Resource r) {
        Object v = r.details() == null ? null : r.details().get("sizeBytes");
        if (v instanceof Number n) return n.doubleValue();
        return r.monthlyCost() == null ? 0 : r.monthlyCost();
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
