package labcloud.web.view;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import labcloud.inventory.Resource;

/** The Storage page: EBS volumes (unattached ones flagged), snapshots, EFS and S3 with sizes and cost. */
public record StorageReport(List<Volume> volumes, List<Snapshot> snapshots, List<FileSystem> fileSystems, List<Bucket> buckets,
                            double unattachedMonthlyCost) {

    public record Volume(String id, String name, String region, Double sizeGiB, String volumeType, String state,
                         String attachedTo, boolean unattached, Double monthlyCost, String owner) {}

    public record Snapshot(String id, String name, String region, Double sizeGiB, String volumeId, Instant createdAt,
                           Double monthlyCost, String owner) {}

    public record FileSystem(String id, String name, String region, Double sizeBytes, Double monthlyCost, String owner) {}

    public record Bucket(String name, String region, Double sizeBytes, Double objects, Boolean publicAccess,
                         Double monthlyCost, String owner) {}

    public static StorageReport of(DashboardData d) {
        List<Resource> rs = d.resources();
        Comparator<Resource> byCost = Comparator.comparing(Resource::monthlyCost, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Resource::id);
        List<Volume> volumes = rs.stream().filter(r -> Resource.EBS_VOLUME.equals(r.type())).sorted(byCost).map(r -> {
            String attached = Details.text(r.details(), "attachedTo", "attachments", "instanceId");
            boolean unattached = "available".equals(r.state()) || (r.state() == null && attached == null);
            return new Volume(r.id(), r.name(), r.region(), Details.number(r.details(), "sizeGb", "sizeGiB", "size"),
                    Details.text(r.details(), "volumeType"), r.state(), attached, unattached, r.monthlyCost(),
                    Breakdown.tag(r, "Owner"));
        }).sorted(Comparator.comparing((Volume v) -> !v.unattached())).toList();
        List<Snapshot> snapshots = rs.stream().filter(r -> Resource.EBS_SNAPSHOT.equals(r.type())).sorted(byCost)
                .map(r -> new Snapshot(r.id(), r.name(), r.region(),
                        Details.number(r.details(), "sizeGb", "sizeGiB", "volumeSize"),
                        Details.text(r.details(), "volumeId"), r.createdAt(), r.monthlyCost(), Breakdown.tag(r, "Owner"))).toList();
        List<FileSystem> fs = rs.stream().filter(r -> Resource.EFS_FILESYSTEM.equals(r.type())).sorted(byCost)
                .map(r -> new FileSystem(r.id(), r.name(), r.region(), Details.number(r.details(), "sizeBytes", "size"),
                        r.monthlyCost(), Breakdown.tag(r, "Owner"))).toList();
        List<Bucket> buckets = rs.stream().filter(r -> Resource.S3_BUCKET.equals(r.type())).sorted(byCost)
                .map(r -> new Bucket(r.id(), r.region(), Details.number(r.details(), "sizeBytes", "size"),
                        Details.number(r.details(), "objects", "objectCount"),
                        Details.flag(r.details(), "public", "publicAccess", "isPublic"), r.monthlyCost(),
                        Breakdown.tag(r, "Owner"))).toList();
        double unattachedCost = volumes.stream().filter(Volume::unattached)
                .mapToDouble(v -> v.monthlyCost() == null ? 0 : v.monthlyCost()).sum();
        return new StorageReport(volumes, snapshots, fs, buckets, unattachedCost);
    }
}
