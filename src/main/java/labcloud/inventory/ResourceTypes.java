package labcloud.inventory;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import labcloud.core.UsageException;

/** The resource types the inventory knows, and parsing of a --types value. */
public final class ResourceTypes {
    public static final List<String> ORDER = List.of(Resource.EC2_INSTANCE, Resource.EBS_VOLUME, Resource.EBS_SNAPSHOT,
            Resource.EFS_FILESYSTEM, Resource.S3_BUCKET, Resource.ELASTIC_IP, Resource.IAM_USER, Resource.IAM_ACCESS_KEY);
    public static final Set<String> ALL = Set.copyOf(ORDER);

    private ResourceTypes() {}

    /** "all", empty, or a comma-separated list of type names; a typo is exit 2 naming it. */
    public static Set<String> parse(String spec) {
        if (spec == null || spec.isBlank() || spec.trim().equalsIgnoreCase("all")) return ALL;
        Set<String> out = new LinkedHashSet<>();
        for (String part : spec.split(",")) {
            String t = part.trim().toLowerCase(Locale.ROOT);
            if (t.isEmpty()) continue;
            if (!ALL.contains(t)) {
                throw new UsageException("unknown resource type '" + part.trim() + "' in --types (one of: "
                        + String.join(", ", ORDER) + ")");
            }
            out.add(t);
        }
        if (out.isEmpty()) throw new UsageException("--types is empty (one of: " + String.join(", ", ORDER) + ")");
        return out;
    }

    /** The order of resources in results: region, then type in {@link #ORDER}, then id. */
    public static final java.util.Comparator<Resource> RESOURCE_ORDER = java.util.Comparator.comparing(Resource::region)
            .thenComparing(r -> rank(r.type())).thenComparing(Resource::id);

    /** Sort key so that tables list types in a stable, meaningful order. */
    public static int rank(String type) {
        int i = ORDER.indexOf(type);
        return i < 0 ? ORDER.size() : i;
    }
}
