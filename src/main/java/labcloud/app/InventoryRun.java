package labcloud.app;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import labcloud.aws.AwsContext;
import labcloud.inventory.Inventory;
import labcloud.inventory.InventoryChanges;
import labcloud.inventory.InventoryOptions;
import labcloud.inventory.InventoryService;
import labcloud.inventory.SnapshotStore;
import labcloud.store.Store;

/**
 * "Collect, then save a snapshot": the one place an inventory run becomes history, whether
 * {@code labcloud inventory}, the demo or the dashboard's refresh asked for it.
 */
public final class InventoryRun {
    private InventoryRun() {}

    /** A collected inventory and the id it was saved under. */
    public record Saved(long id, Inventory inventory, Set<String> types) {}

    /** From the lab's account into the lab's store. */
    public static Saved collectAndSave(Lab lab, InventoryOptions options) {
        return collectAndSave(lab.aws(), lab.store(), options);
    }

    public static Saved collectAndSave(AwsContext aws, Store store, InventoryOptions options) {
        Inventory inv = InventoryService.collect(aws, options);
        return save(store, inv, options.types());
    }

    public static Saved save(Store store, Inventory inv, Set<String> types) {
        long id = new SnapshotStore(store).save(inv, types);
        return new Saved(id, inv, types);
    }

    /** What changed since the previous snapshot covering the same types; empty when this is the first. */
    public static Optional<InventoryChanges> changesSincePrevious(Store store, Saved saved) {
        SnapshotStore snapshots = new SnapshotStore(store);
        return snapshots.previousCovering(saved.id()).map(p ->
                InventoryChanges.between(snapshots.load(p.id()), p.types(), saved.inventory(), saved.types()));
    }

    /** The diff to show when there is nothing to compare with. */
    public static InventoryChanges noChanges(Inventory inv) {
        return new InventoryChanges(null, inv.generatedAt(), List.of(), List.of(), List.of());
    }
}
