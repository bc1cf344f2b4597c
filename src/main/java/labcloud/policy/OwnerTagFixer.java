package labcloud.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import labcloud.inventory.Resource;
import labcloud.policy.rules.ResourceFacts;
import labcloud.trail.Creator;
import labcloud.trail.OwnerAttribution;

/**
 * Plans `tag fix --from-trail`: Owner from the identity that created each resource (CloudTrail),
 * Email from the policy's people map, else from that IAM user's own Email tag. A volume attached
 * to an instance also takes the instance's Project and Task when it lacks them (volumes launched
 * with an instance are part of the same work, and AWS does not copy tags to them by default).
 * Existing non-empty values are kept unless overwrite is set.
 */
public final class OwnerTagFixer {
    /** The plan, and the resources no creator was found for (they need `tag set`). */
    public record Plan(List<TagChange> changes, List<Resource> unattributed) {}

    /** Tags a volume inherits from the instance it is attached to. */
    static final List<String> INHERITED = List.of("Project", "Task");

    private OwnerTagFixer() {}

    public static Plan plan(List<Resource> resources, OwnerAttribution creators, Map<String, String> people,
                            List<String> types, boolean overwrite) {
        Map<String, String> emails = People.emails(resources, people);
        Map<String, Resource> byId = new LinkedHashMap<>();
        resources.forEach(r -> byId.putIfAbsent(r.id(), r));
        List<TagChange> changes = new ArrayList<>();
        List<Resource> unattributed = new ArrayList<>();
        for (Resource r : resources) {
            if (!types.contains(r.type())) continue;
            Map<String, String> tags = r.tags() == null ? Map.of() : r.tags();
            boolean ownerGap = blank(tags.get("Owner")) || overwrite;
            boolean emailGap = blank(tags.get("Email")) || overwrite;
            Map<String, String> inherited = inherited(r, tags, byId, overwrite);
            if (!ownerGap && !emailGap && inherited.isEmpty()) continue;
            Creator c = Resource.EBS_VOLUME.equals(r.type())
                    ? creators.creatorOfVolume(r.id(), ResourceFacts.text(r, "attachedTo")) : creators.creatorOf(r.id());
            if ((c == null || c.user() == null) && (ownerGap || emailGap)) unattributed.add(r);
            Map<String, String> set = new LinkedHashMap<>();
            if (c != null && c.user() != null) {
                if (ownerGap && !c.user().equals(tags.get("Owner"))) set.put("Owner", c.user());
                String email = emails.get(c.user());
                if (emailGap && email != null && !email.equals(tags.get("Email"))) set.put("Email", email);
            }
            set.putAll(inherited);
            if (set.isEmpty()) continue;
            Map<String, String> previous = new LinkedHashMap<>();
            set.keySet().forEach(k -> {
                if (tags.containsKey(k)) previous.put(k, tags.get(k));
            });
            String why = c == null ? "" : "created by " + c.user() + " (CloudTrail " + c.via() + ")";
            if (!inherited.isEmpty()) why += (why.isEmpty() ? "" : "; ") + "Project/Task of " + ResourceFacts.text(r, "attachedTo");
            changes.add(new TagChange(r.type(), r.id(), r.region(), set, previous, why));
        }
        return new Plan(changes, unattributed);
    }

    private static Map<String, String> inherited(Resource r, Map<String, String> tags, Map<String, Resource> byId, boolean overwrite) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!Resource.EBS_VOLUME.equals(r.type())) return out;
        Resource inst = byId.get(ResourceFacts.text(r, "attachedTo"));
        if (inst == null || inst.tags() == null) return out;
        for (String k : INHERITED) {
            String v = inst.tags().get(k);
            if (!blank(v) && (blank(tags.get(k)) || overwrite) && !v.equals(tags.get(k))) out.put(k, v);
        }
        return out;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
