package labcloud.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link DemoAccount} created: every resource with its region, type and creator, so that
 * tests can compare labcloud's reports against the ground truth.
 */
public final class DemoManifest {
    /** One seeded resource; {@code type} uses the inventory's type names (ec2-instance, ...). */
    public record Seeded(String type, String id, String region, String name, String createdBy, Map<String, String> tags) {}

    private final List<Seeded> resources = new ArrayList<>();
    private final Map<String, String> notes = new LinkedHashMap<>();

    void add(String type, String id, String region, String name, String createdBy, Map<String, String> tags) {
        resources.add(new Seeded(type, id, region, name, createdBy, Map.copyOf(tags)));
    }

    void remove(String id) {
        resources.removeIf(r -> r.id().equals(id));
    }

    void note(String key, String value) {
        notes.put(key, value);
    }

    public List<Seeded> resources() {
        return List.copyOf(resources);
    }

    public List<Seeded> ofType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }

    public Seeded byName(String name) {
        return resources.stream().filter(r -> name.equals(r.name())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no seeded resource named " + name));
    }

    /** Free-form facts about the seed, e.g. the CloudTrail bucket name. */
    public Map<String, String> notes() {
        return Map.copyOf(notes);
    }
}
