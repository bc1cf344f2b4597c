package labcloud.demo;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import labcloud.aws.AwsContext;
import labcloud.aws.FanOut;

/** Counts resources per region and type straight from the APIs: the demo's first report. */
public final class ResourceCount {
    private ResourceCount() {}

    public record Result(Map<String, Map<String, Integer>> byRegion, FanOut.Result<?> raw) {}

    public static Result count(AwsContext aws, List<String> regions) {
        FanOut.Result<Map.Entry<String, Map<String, Integer>>> r = aws.fanOut().perRegion(regions, "ec2", region -> {
            Map<String, Integer> c = new TreeMap<>();
            var ec2 = aws.ec2(region);
            c.put("ec2-instance", ec2.describeInstancesPaginator().reservations().stream()
                    .mapToInt(res -> res.instances().size()).sum());
            c.put("ebs-volume", ec2.describeVolumesPaginator().volumes().stream().toList().size());
            c.put("ebs-snapshot", ec2.describeSnapshotsPaginator(b -> b.ownerIds("self")).snapshots().stream().toList().size());
            c.put("elastic-ip", ec2.describeAddresses().addresses().size());
            c.put("efs-filesystem", aws.efs(region).describeFileSystemsPaginator().fileSystems().stream().toList().size());
            return Map.entry(region, c);
        });
        Map<String, Map<String, Integer>> out = new TreeMap<>();
        r.values().forEach(e -> out.put(e.getKey(), e.getValue()));
        return new Result(out, r);
    }
}
