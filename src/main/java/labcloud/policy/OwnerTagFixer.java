package labcloud.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import labcloud.inventory.Resource;
import labcloud.trail.Creator;
import labcloud.trail.OwnerAttribution;

/**
 * Plans `tag fix --from-trail`: Owner from the identity that created each resource (CloudTrail),
 * Email from the policy's people map, else from that IAM user's own Email tag. Existing non-empty
 * values are kept unless overwrite is set.
 */
public final class OwnerTagFixer {
    /** The plan, and the resources no creator was found for (they need `tag set`). */
    public record Plan(List<TagChange> changes, List<Resource> unattributed) {}

    private OwnerTagFixer() {}

    public static Plan plan(List<Resource> resources, OwnerAttribution creators, Map<String, String> people,
                            List<String> types, boolean overwrite) {
        Map<String, String> emails = People.emails(resources, people);
        List<TagChange> changes = new ArrayList<>();
        List<Resource> unattributed = new ArrayList<>();
        for (Resource r : resources) {
            if (!types.contains(r.type())) continue;
            Map<String, String> tags = r.tags() == null ? Map.of() : r.tags();
            boolean ownerGap = blank(tags.get("Owner")) || overwrite;
            boolean emailGap = blank(tags.get("Email")) || overwrite;
            if (!ownerGap && !emailGap) continue;
            Creator c = Resource.EBS_VOLUME.equals(r.type())
                    ? creators.creatorOfVolume(r.id(), ResourceFacts.text(r, "attachedTo")) : creators.creatorOf(r.id());
            if (c == null || c.user() == null) {
                unattributed.add(r);
                continue;
            }
            Map<String, String> set = new LinkedHashMap<>();
            if (ownerGap && !c.user().equals(tags.get("Owner"))) set.put("Owner", c.user());
            String email = emails.get(c.user());
            if (emailGap && email != null && !email.equals(tags.get("Email"))) set.put("Email", email);
            if (set.isEmpty()) continue;
            Map<String, String> previous = new LinkedHashMap<>();
            set.keySet().forEach(k -> {
                if (tags.containsKey(k)) previous.put(k, tags.get(k));
            });
            changes.add(new TagChange(r.type(), r.id(), r.region(), set, previous,
                    "created by " + c.user() + " (CloudTrail " + c.via() + ")"));
        }
        return new Plan(changes, unattributed);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
