package labcloud.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import labcloud.aws.AwsErrors;
import labcloud.core.RegionError;
import software.amazon.awssdk.services.efs.EfsClient;
import software.amazon.awssdk.services.efs.model.FileSystemDescription;
import software.amazon.awssdk.services.efs.model.LifecyclePolicy;

/**
 * EFS file systems: one paginated DescribeFileSystems per region (size, mount target count and
 * tags come with it), plus DescribeLifecycleConfiguration per file system, which no list call
 * returns.
 */
public final class EfsFileSystemCollector {
    public List<Resource> collect(CollectionRun run, String region) {
        EfsClient efs = run.aws().efs(region);
        List<Resource> out = new ArrayList<>();
        for (FileSystemDescription fs : efs.describeFileSystemsPaginator().fileSystems()) {
            List<String> lifecycle;
            try {
                lifecycle = efs.describeLifecycleConfiguration(b -> b.fileSystemId(fs.fileSystemId()))
                        .lifecyclePolicies().stream().map(EfsFileSystemCollector::describe).toList();
            } catch (RuntimeException e) {
                run.error(AwsErrors.regionError(region, "efs", e));
                lifecycle = null;
            }
            out.add(toResource(fs, region, lifecycle));
        }
        return out;
    }

    private static String describe(LifecyclePolicy p) {
        if (p.transitionToIA() != null) return "TransitionToIA=" + p.transitionToIAAsString();
        if (p.transitionToArchive() != null) return "TransitionToArchive=" + p.transitionToArchiveAsString();
        if (p.transitionToPrimaryStorageClass() != null) {
            return "TransitionToPrimaryStorageClass=" + p.transitionToPrimaryStorageClassAsString();
        }
        return p.toString();
    }

    static Resource toResource(FileSystemDescription fs, String region, List<String> lifecycle) {
        Map<String, String> tags = Tags.of(fs.tags(), t -> t.key(), t -> t.value());
        var size = fs.sizeInBytes();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("sizeBytes", size == null ? null : size.value());
        d.put("standardBytes", size == null ? null : size.valueInStandard());
        d.put("infrequentAccessBytes", size == null ? null : size.valueInIA());
        d.put("archiveBytes", size == null ? null : size.valueInArchive());
        d.put("mountTargets", fs.numberOfMountTargets());
        d.put("lifecyclePolicies", lifecycle);
        d.put("performanceMode", fs.performanceModeAsString());
        d.put("throughputMode", fs.throughputModeAsString());
        d.put("encrypted", fs.encrypted());
        d.put("oneZone", fs.availabilityZoneName() != null);
        String name = fs.name() != null && !fs.name().isBlank() ? fs.name() : Tags.name(tags);
        return new Resource(Resource.EFS_FILESYSTEM, fs.fileSystemId(), region, name, fs.lifeCycleStateAsString(),
                fs.creationTime(), tags, null, d);
    }
}
