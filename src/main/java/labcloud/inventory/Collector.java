package labcloud.inventory;

import java.util.List;

/**
 * One resource type as data: what it is called, which service it comes from (for error reports),
 * whether it is read once per region or once per run, and the code that reads it. The list of
 * them is {@link InventoryService#COLLECTORS}.
 *
 * @param type    the resource type produced, e.g. {@link Resource#EC2_INSTANCE}
 * @param service the service name used in error reports: ec2, efs, s3, iam
 * @param scope   regional collectors run once per region, global ones (IAM, S3's bucket list) once per run
 */
public record Collector(String type, String service, Scope scope, Reader reader) {
    public enum Scope { REGIONAL, GLOBAL }

    /** Reads the resources in {@code region} ("global" for global collectors). */
    @FunctionalInterface
    public interface Reader {
        List<Resource> collect(CollectionRun run, String region);
    }

    public static Collector regional(String type, String service, Reader reader) {
        return new Collector(type, service, Scope.REGIONAL, reader);
    }

    public static Collector global(String type, String service, Reader reader) {
        return new Collector(type, service, Scope.GLOBAL, reader);
    }

    public boolean global() {
        return scope == Scope.GLOBAL;
    }

    public List<Resource> collect(CollectionRun run, String region) {
        return reader.collect(run, region);
    }
}
