package labcloud.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What to collect.
 *
 * @param regions the regions to read (already resolved; buckets are kept if they live in one)
 * @param types   resource types to collect (see {@link ResourceTypes})
 * @param deep    list bucket contents when CloudWatch has no size for a bucket
 * @param asOf    the moment ages and uptimes are computed for (now, or a later date to preview)
 */
public record InventoryOptions(List<String> regions, Set<String> types, boolean deep, Instant asOf) {
    public InventoryOptions {
        regions = List.copyOf(regions);
        types = Set.copyOf(types);
        if (asOf == null) asOf = Instant.now();
    }

    public static InventoryOptions all(List<String> regions) {
        return new InventoryOptions(regions, ResourceTypes.ALL, false, Instant.now());
    }

    public boolean wants(String type) {
        return types.contains(type);
    }
}
