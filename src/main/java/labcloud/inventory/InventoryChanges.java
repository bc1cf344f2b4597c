package labcloud.inventory;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import labcloud.core.Json;

/**
 * What appeared, changed or disappeared between two inventory runs. Only the scope both runs
 * covered is compared (regions and types of both, global resources if both read them), and only
 * regions and services that did not fail in either run, so a narrower run or a failed region never
 * looks like deleted resources. Fields that move on their own (uptime, key age) are not changes.
 */
@JsonPropertyOrder({"from", "to", "appeared", "changed", "disappeared"})
public record InventoryChanges(Instant from, Instant to, List<Resource> appeared, List<Change> changed,
                               List<Resource> disappeared) {
    /** One resource that changed: field -> [before, after]. */
    public record Change(Resource resource, Map<String, List<Object>> fields) {}

    private static final Set<String> VOLATILE_DETAILS = Set.of("uptimeHours", "ageDays");

    public boolean isEmpty() {
        return appeared.isEmpty() && changed.isEmpty() && disappeared.isEmpty();
    }

    public static InventoryChanges between(Inventory before, Set<String> beforeTypes, Inventory after, Set<String> afterTypes) {
        Set<String> regions = new HashSet<>(before.regions());
        regions.retainAll(after.regions());
        regions.add("global");
        Set<String> types = new HashSet<>(beforeTypes);
        types.retainAll(afterTypes);
        Set<String> failed = new HashSet<>();
        before.errors().forEach(e -> failed.add(e.region()));
        after.errors().forEach(e -> failed.add(e.region()));

        Map<String, Resource> old = index(before, regions, types, failed);
        Map<String, Resource> now = index(after, regions, types, failed);
        List<Resource> appeared = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        List<Resource> disappeared = new ArrayList<>();
        for (var e : now.entrySet()) {
            Resource was = old.get(e.getKey());
            if (was == null) appeared.add(e.getValue());
            else {
                Map<String, List<Object>> diff = diff(was, e.getValue());
                if (!diff.isEmpty()) changed.add(new Change(e.getValue(), diff));
            }
        }
        for (var e : old.entrySet()) if (!now.containsKey(e.getKey())) disappeared.add(e.getValue());
        return new InventoryChanges(before.generatedAt(), after.generatedAt(), appeared, changed, disappeared);
    }

    private static Map<String, Resource> index(Inventory inv, Set<String> regions, Set<String> types, Set<String> failed) {
        Map<String, Resource> m = new TreeMap<>();
        for (Resource r : inv.resources()) {
            // a bucket lives in a region but is listed globally: a failed region hides it too
            if (!types.contains(r.type()) || !regions.contains(r.region()) || failed.contains(r.region())) continue;
            if ((r.region().equals("global") || r.type().equals(Resource.S3_BUCKET)) && failed.contains("global")) continue;
            m.put(r.region() + " " + r.type() + " " + r.id(), r);
        }
        return m;
    }

    private static Map<String, List<Object>> diff(Resource a, Resource b) {
        Map<String, List<Object>> d = new LinkedHashMap<>();
        compare(d, "name", a.name(), b.name());
        compare(d, "state", a.state(), b.state());
        compare(d, "monthlyCost", a.monthlyCost(), b.monthlyCost());
        Set<String> tagKeys = new java.util.TreeSet<>(a.tags().keySet());
        tagKeys.addAll(b.tags().keySet());
        for (String k : tagKeys) compare(d, "tags." + k, a.tags().get(k), b.tags().get(k));
        Set<String> keys = new java.util.TreeSet<>(a.details().keySet());
        keys.addAll(b.details().keySet());
        for (String k : keys) {
            if (VOLATILE_DETAILS.contains(k)) continue;
            compare(d, "details." + k, normal(a.details().get(k)), normal(b.details().get(k)));
        }
        return d;
    }

    /** Details read back from the store are JSON values; compare both sides in that form. */
    private static Object normal(Object v) {
        if (v == null) return null;
        try {
            // a round trip through text gives numbers the same node types on both sides
            return Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(v));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return String.valueOf(v);
        }
    }

    private static void compare(Map<String, List<Object>> d, String field, Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y && x.doubleValue() == y.doubleValue()) return;
        if (!Objects.equals(a, b)) d.put(field, java.util.Arrays.asList(plain(a), plain(b)));
    }

    private static Object plain(Object v) {
        return v instanceof com.fasterxml.jackson.databind.JsonNode n ? Json.MAPPER.convertValue(n, Object.class) : v;
    }
}
