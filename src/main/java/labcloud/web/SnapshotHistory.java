package labcloud.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import labcloud.inventory.Inventory;
import labcloud.inventory.InventoryChanges;
import labcloud.inventory.Resource;
import labcloud.inventory.SnapshotStore;
import labcloud.web.view.DashboardData;

/**
 * The inventory snapshots in the store (written by {@code labcloud inventory}, the demo and the
 * dashboard's own refreshes), as the pages need them: the latest in full, what changed since the
 * one before it, and the totals of the last {@value #KEEP} for the trend.
 */
final class SnapshotHistory {
    static final int KEEP = 50;

    private final SnapshotStore snapshots;

    SnapshotHistory(SnapshotStore snapshots) {
        this.snapshots = snapshots;
    }

    /** The latest snapshot with its trend and changes; everything null/empty when the store holds none. */
    record View(Inventory latest, long latestId, List<DashboardData.TrendPoint> trend, List<DashboardData.Change> changes) {}

    View view() {
        Optional<SnapshotStore.Snapshot> newest = snapshots.latest();
        if (newest.isEmpty()) return new View(null, 0, List.of(), List.of());
        SnapshotStore.Snapshot latest = newest.get();
        Inventory inv = snapshots.load(latest.id());
        List<DashboardData.Change> changes = snapshots.previousCovering(latest.id())
                .map(before -> changes(InventoryChanges.between(snapshots.load(before.id()), before.types(), inv, latest.types())))
                .orElse(List.of());
        List<DashboardData.TrendPoint> trend = new ArrayList<>();
        for (SnapshotStore.Snapshot s : snapshots.list(KEEP)) {
            if (!Objects.equals(s.account(), latest.account())) continue;
            trend.add(new DashboardData.TrendPoint(s.id(), s.generatedAt(), s.resourceCount(), s.monthlyCost(), Map.of()));
        }
        Collections.reverse(trend);
        return new View(inv, latest.id(), List.copyOf(trend), changes);
    }

    /** The inventory's diff as the Overview lists it: one row per resource, with the names of the fields that changed. */
    static List<DashboardData.Change> changes(InventoryChanges diff) {
        List<DashboardData.Change> out = new ArrayList<>();
        for (Resource r : diff.appeared()) out.add(change("added", r, List.of()));
        for (InventoryChanges.Change c : diff.changed()) out.add(change("changed", c.resource(), List.copyOf(c.fields().keySet())));
        for (Resource r : diff.disappeared()) out.add(change("removed", r, List.of()));
        return Collections.unmodifiableList(out);
    }

    private static DashboardData.Change change(String kind, Resource r, List<String> fields) {
        return new DashboardData.Change(kind, r.type(), r.id(), r.region(), r.name(), fields);
    }
}
