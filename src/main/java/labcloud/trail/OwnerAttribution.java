package labcloud.trail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the creator of each resource in CloudTrail's creation events. The id comes from where each
 * API reports it: RunInstances (the instances, and the volumes created with them), CreateVolume,
 * CreateSnapshot, CreateBucket, CreateFileSystem, AllocateAddress.
 */
public final class OwnerAttribution {
    public static final Set<String> CREATION_EVENTS = Set.of("RunInstances", "CreateVolume", "CreateSnapshot",
            "CreateBucket", "CreateFileSystem", "AllocateAddress", "CreateUser");

    private final Map<String, Creator> creators;

    private OwnerAttribution(Map<String, Creator> creators) {
        this.creators = creators;
    }

    /** Builds the id -> creator map; for an id created twice (names reused), the latest creation counts. */
    public static OwnerAttribution fromEvents(List<TrailEvent> events) {
        Map<String, Creator> out = new HashMap<>();
        for (TrailEvent e : events) {
            if (!CREATION_EVENTS.contains(e.event())) continue;
            Creator c = new Creator(e.user(), e.identityType(), e.arn(), e.time(), e.event());
            for (String id : createdIds(e)) {
                Creator prev = out.get(id);
                if (prev == null || prev.time().isBefore(c.time())) out.put(id, c);
            }
        }
        return new OwnerAttribution(out);
    }

    public static OwnerAttribution empty() {
        return new OwnerAttribution(Map.of());
    }

    public Creator creatorOf(String id) {
        return creators.get(id);
    }

    /**
     * The creator of a volume without its own creation event: the creator of the instance it is
     * attached to (volumes launched with an instance are created by RunInstances, and real trails
     * do not always list their ids).
     */
    public Creator creatorOfVolume(String volumeId, String attachedInstanceId) {
        Creator own = creators.get(volumeId);
        if (own != null || attachedInstanceId == null) return own;
        Creator inst = creators.get(attachedInstanceId);
        return inst == null ? null : new Creator(inst.user(), inst.identityType(), inst.arn(), inst.time(),
                inst.via() + " (instance " + attachedInstanceId + ")");
    }

    public int size() {
        return creators.size();
    }

    static List<String> createdIds(TrailEvent e) {
        JsonNode req = e.requestParameters();
        JsonNode resp = e.responseElements();
        List<String> ids = new ArrayList<>();
        if (req == null || resp == null) {
            ids.addAll(e.resources()); // a LookupEvents summary: its resource list is all there is
            return ids;
        }
        switch (e.event()) {
            case "RunInstances" -> {
                for (JsonNode item : resp.path("instancesSet").path("items")) {
                    add(ids, item.path("instanceId"));
                    for (JsonNode bdm : item.path("blockDeviceMapping").path("items")) add(ids, bdm.path("ebs").path("volumeId"));
                }
            }
            case "CreateVolume" -> add(ids, resp.path("volumeId"));
            case "CreateSnapshot" -> add(ids, resp.path("snapshotId"));
            case "CreateBucket" -> add(ids, req.path("bucketName"));
            case "CreateFileSystem" -> add(ids, resp.path("fileSystemId"));
            case "AllocateAddress" -> add(ids, resp.path("allocationId"));
            case "CreateUser" -> add(ids, resp.path("user").path("userName"));
            default -> { }
        }
        return ids;
    }

    private static void add(List<String> ids, JsonNode n) {
        if (n.isTextual() && !n.asText().isEmpty()) ids.add(n.asText());
    }
}
