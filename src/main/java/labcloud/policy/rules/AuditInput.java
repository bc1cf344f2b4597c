package labcloud.policy.rules;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import labcloud.inventory.Resource;
import labcloud.trail.Creator;
import labcloud.trail.OwnerAttribution;
import labcloud.trail.Trail;

/**
 * Everything the rules look at.
 *
 * @param trails      the account's trails, or null when they could not be read (the CloudTrail rules then stay quiet)
 * @param asOf        the moment age rules are evaluated at (now, or --as-of)
 * @param creators    who created what, from CloudTrail
 * @param stoppedAt   instance id -> time of its last StopInstances event, from CloudTrail
 * @param spend       spend and budgets per project, or null when unknown (the budget rule then stays quiet)
 */
public record AuditInput(String account, List<Resource> resources, List<Trail> trails, Instant asOf,
                         OwnerAttribution creators, Map<String, Instant> stoppedAt, ProjectSpend spend) {

    public AuditInput(String account, List<Resource> resources, List<Trail> trails, Instant asOf,
                      OwnerAttribution creators, Map<String, Instant> stoppedAt) {
        this(account, resources, trails, asOf, creators, stoppedAt, null);
    }

    /** Whom to ask about a resource, and how we know. */
    public record Owner(String name, String source) {}

    public Map<String, Resource> byId() {
        Map<String, Resource> m = new HashMap<>();
        resources.forEach(r -> m.putIfAbsent(r.id(), r));
        return m;
    }

    /** The Owner tag, else the creator CloudTrail names, else for IAM records the user itself. */
    public Owner ownerOf(Resource r) {
        String tag = ResourceFacts.tag(r, "Owner");
        if (tag != null && !tag.isBlank()) return new Owner(tag.trim(), "tag");
        Creator c = creatorOf(r);
        if (c != null) return new Owner(c.user(), "cloudtrail");
        if (Resource.IAM_USER.equals(r.type())) return new Owner(r.id(), "iam");
        if (Resource.IAM_ACCESS_KEY.equals(r.type()) && ResourceFacts.text(r, "userName") != null) {
            return new Owner(ResourceFacts.text(r, "userName"), "iam");
        }
        return new Owner(null, null);
    }

    public Creator creatorOf(Resource r) {
        if (creators == null) return null;
        if (Resource.EBS_VOLUME.equals(r.type())) return creators.creatorOfVolume(r.id(), ResourceFacts.text(r, "attachedTo"));
        return creators.creatorOf(r.id());
    }
}
