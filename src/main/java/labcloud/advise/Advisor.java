package labcloud.advise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import labcloud.advise.tree.AdviceTree;
import labcloud.advise.tree.Fact;
import labcloud.advise.tree.Facts;
import labcloud.advise.tree.TreeWalk;
import labcloud.advise.tree.Values;
import labcloud.core.Sizes;
import labcloud.core.UsageException;
import labcloud.pricing.EgressCost;
import labcloud.pricing.PriceCatalog;

/**
 * Answers "where should this job run?": fills in the tree's defaults, derives the facts the tree
 * may test, walks it, and prices the leaf from the catalog. Makes no AWS call.
 */
public final class Advisor {
    /** How many instance types an EC2 answer lists. */
    public static final int CHOICES = 3;
    private static final long DEFAULT_RULE = 100L << 30;

    private Advisor() {}

    /**
     * @param given input facts by name (values as {@link Values#parse} returns them); dataLocation
     *              may be "local", "s3" or an s3:// URL
     */
    public static Advice advise(AdviceTree tree, PriceCatalog catalog, String region, Map<String, Object> given) {
        Map<String, Object> facts = resolve(tree, given);
        derive(facts, catalog, region);
        Map<String, Object> all = new LinkedHashMap<>(facts);
        tree.settings().values().forEach(s -> all.put(s.name(), s.value()));
        Map<String, String> shown = new LinkedHashMap<>();
        all.forEach((k, v) -> shown.put(k, kindOf(tree, k).format(v)));
        TreeWalk.Result walk = TreeWalk.walk(tree, all::get, shown::get);
        AdviceTree.Leaf leaf = walk.leaf();

        List<String> notes = new ArrayList<>();
        List<Advice.Instance> instances = List.of();
        List<String> commands = new ArrayList<>();
        double hours = num(facts, "hours");
        double runs = num(facts, "runsPerMonth");
        double months = num(facts, "months");
        if (leaf.kind().cloudCompute()) {
            boolean spot = "spot".equals(leaf.market());
            Double fraction = catalog.spotFraction();
            if (spot && fraction == null) notes.add("the catalog has no spot estimate: on-demand prices shown");
            double rateFactor = spot && fraction != null ? fraction : 1.0;
            var need = new InstanceChooser.Need(num(facts, "ram"), num(facts, "cores"), (Boolean) facts.get("gpu"), num(facts, "gpuMemory"));
            instances = InstanceChooser.cheapest(catalog, region, need, CHOICES).stream().map(c -> {
                double rate = round4(c.hourly() * rateFactor);
                double perRun = round2(rate * hours);
                double perMonth = round2(perRun * runs);
                return new Advice.Instance(c.spec().type(), c.spec().vcpu(), c.spec().memoryGib(), c.spec().gpus(),
                        c.spec().gpuMemoryGib(), c.spec().gpuModel(), c.hourly(), rate, spot && fraction != null ? "spot (estimate)" : "on-demand",
                        perRun, perMonth, round2(perMonth * months));
            }).toList();
            if (instances.isEmpty()) {
                notes.add("no instance type in the catalog for " + region + " meets " + shown.get("ram") + ", " + shown.get("cores")
                        + " cores" + (Boolean.TRUE.equals(facts.get("gpu")) ? " and a GPU" : "") + ": split the job, or check `labcloud price update`");
            } else {
                String type = instances.get(0).type();
                if (leaf.kind() == AdviceTree.Kind.EC2_SHORT) {
                    Double setup = catalog.ec2Hourly(region, leaf.setupType());
                    notes.add("the small " + leaf.setupType() + " for setup" + (setup == null ? "" : String.format(Locale.ROOT, " ($%.4f/h)", setup))
                            + " is extra while it runs; stop it between runs and it costs only its disk");
                    commands.add("labcloud machine launch NAME --type " + leaf.setupType() + " --region " + region + "   # set up on a small type");
                    commands.add("labcloud machine resize NAME --type " + type + " --region " + region + "   # before each run");
                    commands.add("labcloud machine resize NAME --type " + leaf.setupType() + " --region " + region + "   # after it (or stop)");
                } else {
                    commands.add("labcloud machine launch NAME --type " + type + " --region " + region);
                    // machine launch starts on-demand machines only: say so rather than print a flag it would refuse
                    if (spot) notes.add("labcloud machine launch starts on-demand instances; for spot, request the same type "
                            + "in the EC2 console (persistent request, stop on interruption)");
                }
                if (spot) notes.add(String.format(Locale.ROOT, "spot prices move by zone and hour; shown at %.0f%% of on-demand "
                        + "(a planning estimate from the catalog, not a quote)", rateFactor * 100));
            }
        }
        long data = (long) num(facts, "data");
        boolean dataInS3 = "s3".equals(facts.get("dataLocation"));
        List<StorageOption> storage = List.of();
        if (data > 0 && (leaf.kind().cloudCompute() || leaf.kind() == AdviceTree.Kind.STORAGE || dataInS3)) {
            storage = StoragePlanner.options(catalog, region, data, leaf.kind() == AdviceTree.Kind.STORAGE && hours == 0 ? 0 : runs, months);
        }
        Advice.Egress egress = egress(tree, catalog, region, facts, leaf, dataInS3);
        Advice.BreakEven breakEven = breakEven(facts, instances, storage, months);
        return new Advice(region, tree.source(), facts, shown, walk.steps(),
                new Advice.Leaf(leaf.id(), leaf.kind().id, leaf.title(), leaf.say() == null ? null : labcloud.advise.tree.TreeLoader.fill(leaf.say(), shown::get)),
                instances, leaf.setupType(), List.copyOf(commands), storage, egress, breakEven, List.copyOf(notes), provenance(catalog, region));
    }

    /** Given values, then the tree's defaults, then labcloud's; inputs with none are an error naming their flags. */
    static Map<String, Object> resolve(AdviceTree tree, Map<String, Object> given) {
        Map<String, Object> facts = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (Facts.Def d : Facts.all().values()) {
            if (!d.input()) continue;
            Object v = given.get(d.name());
            if (v == null) v = tree.defaults().get(d.name());
            if (v == null) v = d.fallback();
            if (v == null) missing.add(d.flag());
            else facts.put(d.name(), v);
        }
        if (!missing.isEmpty()) throw new UsageException("missing " + String.join(", ", missing) + " (or --from-profile FILE)");
        facts.put("dataLocation", location(String.valueOf(facts.get("dataLocation"))));
        return facts;
    }

    /** Inputs the tree has no default for: what a user must give (or is asked on a terminal). */
    public static List<Facts.Def> required(AdviceTree tree) {
        return Facts.all().values().stream().filter(d -> d.input() && d.fallback() == null && !tree.defaults().containsKey(d.name())).toList();
    }

    static String location(String s) {
        String l = s.strip().toLowerCase(Locale.ROOT);
        if (l.equals("local") || l.equals("s3")) return l;
        if (l.startsWith("s3://") && l.length() > 5) return "s3";
        throw new UsageException("--data-location: expected local, s3 or s3://bucket/prefix, got '" + s + "'");
    }

    private static void derive(Map<String, Object> f, PriceCatalog catalog, String region) {
        f.put("hoursPerMonth", num(f, "hours") * num(f, "runsPerMonth"));
        f.put("resultsPerMonth", Math.floor(num(f, "results") * num(f, "runsPerMonth")));
        EgressCost data = catalog.egressCost(region, (long) num(f, "data"));
        EgressCost results = catalog.egressCost(region, (long) (double) f.get("resultsPerMonth"));
        // An unknown egress price (a region the catalog lacks) tests as 0 and is said so in the prices section.
        f.put("dataEgressCost", data.known() ? data.total() : 0.0);
        f.put("resultsEgressCost", results.known() ? results.total() : 0.0);
    }

    private static Advice.Egress egress(AdviceTree tree, PriceCatalog catalog, String region, Map<String, Object> f, AdviceTree.Leaf leaf,
                                        boolean dataInS3) {
        long results = (long) num(f, "resultsPerMonth");
        long perRun = (long) num(f, "results");
        boolean cloud = leaf.kind().cloudCompute() || leaf.kind() == AdviceTree.Kind.STORAGE;
        EgressCost r = cloud && results > 0 ? catalog.egressCost(region, results) : null;
        EgressCost d = !cloud && dataInS3 && num(f, "data") > 0 ? catalog.egressCost(region, (long) num(f, "data")) : null;
        if (r == null && d == null) return null;
        AdviceTree.Setting rule = tree.settings().get("egressRule");
        long ruleBytes = rule != null && rule.kind() == Fact.SIZE ? (long) (double) (Double) rule.value() : DEFAULT_RULE;
        long largest = Math.max(r == null ? 0 : perRun, d == null ? 0 : (long) num(f, "data"));
        boolean over = largest > ruleBytes;
        String note = over
                ? "a download of " + Sizes.format(largest) + " is over the lab's " + Sizes.format(ruleBytes)
                + " rule: labcloud cp shows its cost and needs --confirm-egress"
                : "each download is within the lab's " + Sizes.format(ruleBytes) + " rule; uploads into AWS are free";
        return new Advice.Egress(results, r, d, ruleBytes, over, note);
    }

    private static Advice.BreakEven breakEven(Map<String, Object> f, List<Advice.Instance> instances, List<StorageOption> storage,
                                              double months) {
        double price = num(f, "buyPrice");
        if (price <= 0 || instances.isEmpty()) return null;
        double monthly = instances.get(0).perMonth();
        // The cheapest place for the data, counting what reading it back costs each month.
        double cheapestStorage = storage.stream().filter(s -> s.monthlyStorage() != null && s.monthlyRetrieval() != null)
                .mapToDouble(s -> s.monthlyStorage() + s.monthlyRetrieval()).min().orElse(0.0);
        monthly = round2(monthly + cheapestStorage);
        Double after = monthly > 0 ? round2(price / monthly) : null;
        String verdict;
        if (after == null) verdict = "renting costs nothing a month at this use: do not buy";
        else if (after <= months) verdict = String.format(Locale.ROOT,
                "buying pays off after %.1f months, within the %s-month project: consider a workstation (if it has the memory and GPU)", after,
                Fact.plain(months));
        else verdict = String.format(Locale.ROOT, "buying pays off only after %.1f months, beyond the %s-month project: rent", after,
                Fact.plain(months));
        return new Advice.BreakEven(price, monthly, after, months, verdict);
    }

    private static Map<String, String> provenance(PriceCatalog c, String region) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("catalog", c.origin());
        for (String s : List.of("ec2", "s3", "efs", "ebs", "egress")) {
            var p = c.provenance(s, region);
            m.put(s, p == null ? "no prices for " + region : p.source() + ", " + p.date());
        }
        var specs = c.instanceSpecsProvenance();
        if (specs != null) m.put("instanceTypes", specs.source() + ", " + specs.date());
        var spot = c.spotProvenance();
        if (spot != null) m.put("spot", spot.basis());
        return m;
    }

    private static Fact kindOf(AdviceTree tree, String name) {
        Facts.Def d = Facts.get(name);
        if (d != null) return d.kind();
        return tree.settings().get(name).kind();
    }

    private static double num(Map<String, Object> f, String name) {
        return ((Number) f.get(name)).doubleValue();
    }

    static double round2(double v) {
        return Math.round(v * 100.0) / 100.0;
    }

    static double round4(double v) {
        return Math.round(v * 10_000.0) / 10_000.0;
    }
}
