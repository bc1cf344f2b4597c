package labcloud.inventory;

import java.util.List;

/** Reads one resource type. Regional collectors run once per region, global ones once per run. */
public interface Collector {
    /** The resource type produced, e.g. {@link Resource#EC2_INSTANCE}. */
    String type();

    /** The service name used in error reports: ec2, efs, s3, iam. */
    String service();

    /** Whether the type is global (IAM, S3's bucket list) rather than per region. */
    default boolean global() {
        return false;
    }

    /** Reads the resources in {@code region} ("global" for global collectors). */
    List<Resource> collect(CollectionRun run, String region);
}
