package labcloud.pricing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import labcloud.core.Environment;
import labcloud.core.ExitCode;
import labcloud.core.Json;
import labcloud.core.LabcloudException;

/**
 * On-demand list prices for the resources labcloud reports: EC2 hourly (Linux, shared tenancy),
 * EBS per GB-month and provisioned IOPS, S3 storage classes, EFS classes, public IPv4 / Elastic
 * IPs, and data transfer out to the internet in tiers. Every lookup returns null when the catalog
 * has no figure for it: an unknown price is never reported as 0.
 *
 * <p>The bundled snapshot ({@code pricing/catalog.json}) records the source and date of each
 * section; {@code labcloud price update} writes a fresher one to ~/.labcloud/pricing/catalog.json,
 * which then takes precedence.
 */
public final class PriceCatalog {
    public static final String BUNDLED_RESOURCE = "pricing/catalog.json";
    public static final double HOURS_PER_MONTH = 730.0;
    /** AWS bills data and storage in GB of 2^30 bytes. */
    public static final long GB = 1L << 30;

    private final JsonNode root;
    private final String origin;

    PriceCatalog(JsonNode root, String origin) {
        this.root = root;
        this.origin = origin;
    }

    /** The user's updated catalog if there is one, else the bundled snapshot. */
    public static PriceCatalog load(Environment env) {
        Path user = userCatalogPath(env);
        if (Files.isRegularFile(user)) return fromFile(user);
        return bundled();
    }

    /** {@link #load(Environment)} for the current process. */
    public static PriceCatalog load() {
        return load(Environment.system());
    }

    public static Path userCatalogPath(Environment env) {
        return env.labcloudDir().resolve("pricing").resolve("catalog.json");
    }

    public static PriceCatalog bundled() {
        try (InputStream in = PriceCatalog.class.getClassLoader().getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) throw new IllegalStateException("bundled price catalog missing from the jar");
            return new PriceCatalog(Json.MAPPER.readTree(in), "bundled snapshot");
        } catch (IOException e) {
            throw new IllegalStateException("bundled price catalog unreadable", e);
        }
    }

    public static PriceCatalog fromFile(Path file) {
        try {
            JsonNode root = Json.MAPPER.readTree(file.toFile());
            if (root == null || !root.path("ec2").isObject()) {
                throw new LabcloudException(ExitCode.USAGE, file + ": not a labcloud price catalog (no \"ec2\" section)");
            }
            return new PriceCatalog(root, file.toString());
        } catch (IOException e) {
            throw new LabcloudException(ExitCode.USAGE, file + ": cannot read price catalog: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    JsonNode root() {
        return root;
    }

    /** Where this catalog came from: "bundled snapshot" or the file path. */
    public String origin() {
        return origin;
    }

    public String date() {
        return root.path("date").asText(null);
    }

    public String source() {
        return root.path("source").asText(null);
    }

    /** The source and date recorded for one section (ec2, ebs, s3, efs, elasticIp, egress) in a region. */
    public Provenance provenance(String section, String region) {
        JsonNode n = root.path(section).path(region);
        if (n.isMissingNode()) return null;
        return new Provenance(n.path("source").asText(null), n.path("date").asText(null), n.path("basis").asText(null));
    }

    public record Provenance(String source, String date, String basis) {}

    // ---- lookups ------------------------------------------------------------------------------------

    /** On-demand Linux price per hour, or null if unknown. */
    public Double ec2Hourly(String region, String instanceType) {
        if (instanceType == null) return null;
        return number(root.path("ec2").path(region).path("hourly").path(instanceType.toLowerCase(Locale.ROOT)));
    }

    /** EBS volume storage per GB-month by volume type (gp3, gp2, io1, io2, st1, sc1, standard). */
    public Double ebsGbMonth(String region, String volumeType) {
        if (volumeType == null) return null;
        return number(root.path("ebs").path(region).path("gbMonth").path(volumeType.toLowerCase(Locale.ROOT)));
    }

    /** EBS snapshot storage per GB-month. */
    public Double ebsSnapshotGbMonth(String region) {
        return number(root.path("ebs").path(region).path("gbMonth").path("snapshot"));
    }

    /** Provisioned IOPS per IOPS-month (io1, io2; gp3 above its free baseline), or null. */
    public Double ebsIopsMonth(String region, String volumeType) {
        if (volumeType == null) return null;
        return number(root.path("ebs").path(region).path("provisionedIopsMonth").path(volumeType.toLowerCase(Locale.ROOT)));
    }

    /** IOPS included with every gp3 volume. */
    public int gp3FreeIops(String region) {
        return root.path("ebs").path(region).path("gp3FreeIops").asInt(3000);
    }

    /** S3 storage per GB-month by storage class (STANDARD, STANDARD_IA, GLACIER, ...). */
    public Double s3GbMonth(String region, String storageClass) {
        String c = storageClass == null ? "STANDARD" : storageClass.toUpperCase(Locale.ROOT).replace('-', '_');
        return number(root.path("s3").path(region).path("gbMonth").path(c));
    }

    public Set<String> s3Classes(String region) {
        return names(root.path("s3").path(region).path("gbMonth"));
    }

    /** EFS storage per GB-month: standard, infrequentAccess, archive, oneZone. */
    public Double efsGbMonth(String region, String storageClass) {
        String c = storageClass == null ? "standard" : storageClass;
        return number(root.path("efs").path(region).path("gbMonth").path(c));
    }

    /** Hourly charge of an Elastic IP (every public IPv4 address is charged, associated or idle). */
    public Double elasticIpHourly(String region, boolean associated) {
        return number(root.path("elasticIp").path(region).path(associated ? "inUseHourly" : "idleHourly"));
    }

    /** Data transfer out to the internet that is free each month (aggregated over all regions). */
    public double egressFreeGbPerMonth() {
        return root.path("egressFreeGbPerMonth").path("gb").asDouble(0);
    }

    /** The regions that have EC2 prices. */
    public Set<String> regions() {
        return names(root.path("ec2"));
    }

    /** Instance types priced in a region, sorted. */
    public Set<String> instanceTypes(String region) {
        return names(root.path("ec2").path(region).path("hourly"));
    }

    /**
     * The vCPUs, memory and GPUs of every instance type the catalog knows, by type. A catalog
     * written by an older `price update` has no such section: the bundled snapshot's is used.
     */
    public java.util.Map<String, InstanceSpec> instanceSpecs() {
        JsonNode types = root.path("instanceTypes").path("types");
        if (!types.isObject()) return this == BUNDLED_ONCE.get() ? java.util.Map.of() : BUNDLED_ONCE.get().instanceSpecs();
        java.util.Map<String, InstanceSpec> out = new java.util.TreeMap<>();
        types.fields().forEachRemaining(e -> {
            JsonNode n = e.getValue();
            out.put(e.getKey(), new InstanceSpec(e.getKey(), n.path("vcpu").asInt(), n.path("memoryGib").asDouble(), n.path("gpus").asInt(),
                    n.path("gpuMemoryGib").asDouble(), n.path("gpuModel").asText(null), n.path("arch").asText("x86_64"),
                    n.path("burstable").asBoolean(false)));
        });
        return out;
    }

    /** Where the instance specifications come from. */
    public Provenance instanceSpecsProvenance() {
        JsonNode n = root.path("instanceTypes");
        if (!n.isObject()) return this == BUNDLED_ONCE.get() ? null : BUNDLED_ONCE.get().instanceSpecsProvenance();
        return new Provenance(n.path("source").asText(null), n.path("date").asText(null), n.path("basis").asText(null));
    }

    /** A planning estimate of the spot price as a fraction of on-demand (spot prices move by zone and hour), or null. */
    public Double spotFraction() {
        JsonNode n = root.path("spotEstimate");
        if (!n.isObject()) return this == BUNDLED_ONCE.get() ? null : BUNDLED_ONCE.get().spotFraction();
        return number(n.path("fractionOfOnDemand"));
    }

    public Provenance spotProvenance() {
        JsonNode n = root.path("spotEstimate");
        if (!n.isObject()) return this == BUNDLED_ONCE.get() ? null : BUNDLED_ONCE.get().spotProvenance();
        return new Provenance(n.path("source").asText(null), n.path("date").asText(null), n.path("basis").asText(null));
    }

    /** Per GB read back from an S3 class (STANDARD_IA, GLACIER_IR, ...): 0 for classes without a fee, null if unknown. */
    public Double s3RetrievalPerGb(String region, String storageClass) {
        return feeOrZero("s3", region, "retrievalPerGb", storageClass);
    }

    /** The minimum days an S3 class bills for an object (0 if none). */
    public int s3MinimumDays(String region, String storageClass) {
        return sectionFallback("s3", region, "minimumDays").path(storageClass).asInt(0);
    }

    public Double efsRetrievalPerGb(String region, String storageClass) {
        return feeOrZero("efs", region, "retrievalPerGb", storageClass);
    }

    public int efsMinimumDays(String region, String storageClass) {
        return sectionFallback("efs", region, "minimumDays").path(storageClass).asInt(0);
    }

    private Double feeOrZero(String section, String region, String field, String cls) {
        JsonNode fees = sectionFallback(section, region, field);
        if (fees.isMissingNode()) return null;
        JsonNode n = fees.path(cls);
        return n.isNumber() ? n.asDouble() : 0.0;
    }

    /** A field of a region's section, from the bundled snapshot when this catalog lacks it. */
    private JsonNode sectionFallback(String section, String region, String field) {
        JsonNode n = root.path(section).path(region).path(field);
        if (n.isMissingNode() && this != BUNDLED_ONCE.get()) return BUNDLED_ONCE.get().root.path(section).path(region).path(field);
        return n;
    }

    private static final java.util.function.Supplier<PriceCatalog> BUNDLED_ONCE = new java.util.function.Supplier<>() {
        private volatile PriceCatalog c;

        public PriceCatalog get() {
            if (c == null) c = bundled();
            return c;
        }
    };

    // ---- estimators ---------------------------------------------------------------------------------

    /** An instance running all month (730 h), or null if the price is unknown. */
    public Double ec2Monthly(String region, String instanceType) {
        Double h = ec2Hourly(region, instanceType);
        return h == null ? null : round(h * HOURS_PER_MONTH);
    }

    /**
     * An EBS volume for a month: storage plus provisioned IOPS (io1/io2 all of them, gp3 those
     * above the free baseline). Null if the type or region is unknown.
     */
    public Double ebsMonthly(String region, String volumeType, long sizeGb, Integer iops) {
        Double perGb = ebsGbMonth(region, volumeType);
        if (perGb == null) return null;
        double cost = perGb * sizeGb;
        String t = volumeType.toLowerCase(Locale.ROOT);
        if (iops != null && (t.equals("io1") || t.equals("io2") || t.equals("gp3"))) {
            long billable = t.equals("gp3") ? Math.max(0, iops - gp3FreeIops(region)) : iops;
            if (billable > 0) {
                Double perIops = ebsIopsMonth(region, t);
                if (perIops == null) return null;
                cost += perIops * billable;
            }
        }
        return round(cost);
    }

    public Double s3Monthly(String region, String storageClass, long bytes) {
        Double perGb = s3GbMonth(region, storageClass);
        return perGb == null ? null : round(perGb * bytes / GB);
    }

    public Double efsMonthly(String region, String storageClass, long bytes) {
        Double perGb = efsGbMonth(region, storageClass);
        return perGb == null ? null : round(perGb * bytes / GB);
    }

    /**
     * What it costs to send {@code bytes} out of {@code region} to the internet in one month,
     * assuming nothing else was sent this month: the free allowance first, then the tiers.
     */
    public EgressCost egressCost(String region, long bytes) {
        return egressCost(region, bytes, 0);
    }

    /**
     * Like {@link #egressCost(String, long)} when {@code alreadyThisMonthBytes} have been sent out
     * this month: they use up the free allowance and the cheap end of the tiers first.
     */
    public EgressCost egressCost(String region, long bytes, long alreadyThisMonthBytes) {
        if (bytes < 0 || alreadyThisMonthBytes < 0) throw new IllegalArgumentException("negative size");
        JsonNode tiers = root.path("egress").path(region).path("tiers");
        double gb = (double) bytes / GB;
        double before = (double) alreadyThisMonthBytes / GB;
        double free = egressFreeGbPerMonth();
        double freeUsed = Math.max(0, Math.min(gb, free - before));
        if (!tiers.isArray() || tiers.isEmpty()) {
            return new EgressCost(region, bytes, gb, freeUsed, List.of(), null, provenance("egress", region));
        }
        // The month's usage so far occupies [before, before+gb) on the volume axis; the free
        // allowance covers [0, free) of it, the tiers price the rest.
        double start = Math.max(before, free);
        double end = before + gb;
        List<EgressCost.Tier> charges = new ArrayList<>();
        double total = 0;
        double lower = 0;
        for (JsonNode t : tiers) {
            double upper = t.path("upToGb").isNumber() ? t.path("upToGb").asDouble() : Double.POSITIVE_INFINITY;
            double perGb = t.path("perGb").asDouble();
            double from = Math.max(lower, start);
            double to = Math.min(upper, end);
            if (to > from) {
                double cost = (to - from) * perGb;
                charges.add(new EgressCost.Tier(lower, Double.isInfinite(upper) ? null : upper, round(to - from), perGb, round(cost)));
                total += cost;
            }
            lower = upper;
        }
        return new EgressCost(region, bytes, gb, freeUsed, List.copyOf(charges), round(total), provenance("egress", region));
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private static Double number(JsonNode n) {
        return n.isNumber() ? n.asDouble() : null;
    }

    private static Set<String> names(JsonNode obj) {
        Set<String> out = new TreeSet<>();
        for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) out.add(it.next());
        return out;
    }

    /** Cents are what people read; keep a little more so that sums stay accurate. */
    public static double round(double v) {
        return Math.round(v * 10_000.0) / 10_000.0;
    }
}
