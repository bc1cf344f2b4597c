package labcloud.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import labcloud.inventory.Inventory;
import labcloud.inventory.Resource;

/**
 * The inventories this dashboard collected: the latest two in full (for "changes since the
 * previous snapshot") and the totals of the last {@value #KEEP} (for the trend).
 */
final class SnapshotHistory {
    static final int KEEP = 50;

    private final List<DashboardData.TrendPoint> points = new ArrayList<>();
    private Inventory latest;
    private Inventory previous;
    private long nextId = 1;

    /** A consistent copy for one load. */
    record View(Inventory latest, long latestId, List<DashboardData.TrendPoint> trend, List<DashboardData.Change> changes) {}

    synchronized void add(Inventory inv) {
        previous = latest;
        latest = inv;
        double cost = inv.resources().stream().mapToDouble(r -> r.monthlyCost() == null ? 0 : r.monthlyCost()).sum();
        points.add(new DashboardData.TrendPoint(nextId++, inv.generatedAt(), inv.resources().size(), cost, Map.of()));
        if (points.size() > KEEP) points.remove(0);
    }

    synchronized View view() {
        if (latest == null) return new View(null, 0, List.of(), List.of());
        return new View(latest, nextId - 1, List.copyOf(points), previous == null ? List.of() : changes(previous, latest));
    }

    /** Added, removed, and changed resources (state, name, tags, cost or details), matched by type and id. */
    static List<DashboardData.Change> changes(Inventory before, Inventory after) {
        Map<String, Resource> old = new HashMap<>();
        before.resources().forEach(r -> old.put(r.type() + "/" + r.id(), r));
        Map<String, Resource> now = new LinkedHashMap<>();
        after.resources().forEach(r -> now.put(r.type() + "/" + r.id(), r));
        List<DashboardData.Change> out = new ArrayList<>();
        for (var e : now.entrySet()) {
            Resource r = e.getValue();
            Resource o = old.get(e.getKey());
            if (o == null) {
                out.add(new DashboardData.Change("added", r.type(), r.id(), r.region(), r.name(), List.of()));
                continue;
            }
            List<String> fields = new ArrayList<>();
            if (!Objects.equals(o.state(), r.state())) fields.add("state");
            if (!Objects.equals(o.name(), r.name())) fields.add("name");
            if (!Objects.equals(o.tags(), r.tags())) fields.add("tags");
            if (!Objects.equals(o.monthlyCost(), r.monthlyCost())) fields.add("monthlyCost");
            if (!fields.isEmpty()) out.add(new DashboardData.Change("changed", r.type(), r.id(), r.region(), r.name(), fields));
        }
        for (var e : old.entrySet()) {
            if (!now.containsKey(e.getKey())) {
                Resource r = e.getValue();
                out.add(new DashboardData.Change("removed", r.type(), r.id(), r.region(), r.name(), List.of()));
            }
        }
        return Collections.unmodifiableList(out);
    }
}
