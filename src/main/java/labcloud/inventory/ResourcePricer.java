package labcloud.inventory;

import java.util.Map;
import labcloud.pricing.PriceCatalog;

/**
 * Estimates each inventory resource's monthly cost from the catalog: running instances 730 hours,
 * stopped or terminated ones nothing (their volumes are priced on their own), every EBS volume
 * and snapshot by size, Elastic IPs by the hour, S3 and EFS by stored bytes. Null means unknown.
 */
public final class ResourcePricer {
    private final PriceCatalog catalog;

    public ResourcePricer(PriceCatalog catalog) {
        this.catalog = catalog;
    }

    public Resource price(Resource r) {
        return r.withMonthlyCost(monthlyCost(r));
    }

    public Double monthlyCost(Resource r) {
        Map<String, Object> d = r.details();
        String region = r.region();
        return switch (r.type()) {
            case Resource.EC2_INSTANCE -> instance(region, r.state(), (String) d.get("instanceType"));
            case Resource.EBS_VOLUME -> {
                Long size = asLong(d.get("sizeGb"));
                if (size == null || "deleted".equals(r.state())) yield size == null ? null : 0.0;
                Long iops = asLong(d.get("iops"));
                yield catalog.ebsMonthly(region, (String) d.get("volumeType"), size, iops == null ? null : iops.intValue());
            }
            case Resource.EBS_SNAPSHOT -> {
                // Snapshots are incremental; the volume size is an upper bound of what is stored.
                Long size = asLong(d.get("sizeGb"));
                Double perGb = catalog.ebsSnapshotGbMonth(region);
                yield size == null || perGb == null ? null : PriceCatalog.round(size * perGb);
            }
            case Resource.ELASTIC_IP -> {
                Double h = catalog.elasticIpHourly(region, Boolean.TRUE.equals(d.get("associated")));
                yield h == null ? null : PriceCatalog.round(h * PriceCatalog.HOURS_PER_MONTH);
            }
            case Resource.S3_BUCKET -> bucket(region, d.get("storageBytes"));
            case Resource.EFS_FILESYSTEM -> fileSystem(region, d);
            case Resource.IAM_USER, Resource.IAM_ACCESS_KEY -> 0.0; // IAM is free
            default -> null;
        };
    }

    private Double instance(String region, String state, String type) {
        if (state == null) return null;
        return switch (state) {
            case "running", "pending" -> catalog.ec2Monthly(region, type);
            case "stopped", "stopping", "terminated", "shutting-down" -> 0.0;
            default -> null;
        };
    }

    private Double bucket(String region, Object storageBytes) {
        if (!(storageBytes instanceof Map<?, ?> byClass)) return null;
        double total = 0;
        for (var e : byClass.entrySet()) {
            Long bytes = asLong(e.getValue());
            if (bytes == null) return null;
            Double c = catalog.s3Monthly(region, String.valueOf(e.getKey()), bytes);
            if (c == null) return null;
            total += c;
        }
        return PriceCatalog.round(total);
    }

    private Double fileSystem(String region, Map<String, Object> d) {
        Long total = asLong(d.get("sizeBytes"));
        if (total == null) return null;
        boolean oneZone = Boolean.TRUE.equals(d.get("oneZone"));
        Long ia = asLong(d.get("infrequentAccessBytes"));
        Long archive = asLong(d.get("archiveBytes"));
        long iaBytes = ia == null ? 0 : ia;
        long archiveBytes = archive == null ? 0 : archive;
        long standard = Math.max(0, total - iaBytes - archiveBytes);
        Double s = catalog.efsMonthly(region, oneZone ? "oneZone" : "standard", standard);
        Double i = iaBytes == 0 ? Double.valueOf(0) : catalog.efsMonthly(region, "infrequentAccess", iaBytes);
        Double a = archiveBytes == 0 ? Double.valueOf(0) : catalog.efsMonthly(region, "archive", archiveBytes);
        if (s == null || i == null || a == null) return null;
        return PriceCatalog.round(s + i + a);
    }

    private static Long asLong(Object o) {
        return o instanceof Number n ? n.longValue() : null;
    }
}
