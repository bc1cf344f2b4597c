package labcloud.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.Snapshot;

/** EBS snapshots owned by this account: one paginated DescribeSnapshots (owner self) per region. */
public final class EbsSnapshotCollector {
    public List<Resource> collect(CollectionRun run, String region) {
        List<Resource> out = new ArrayList<>();
        for (Snapshot s : run.aws().ec2(region)
                .describeSnapshotsPaginator(b -> b.ownerIds("self").maxResults(1000)).snapshots()) {
            out.add(toResource(s, region));
        }
        return out;
    }

    static Resource toResource(Snapshot s, String region) {
        Map<String, String> tags = Tags.of(s.tags(), t -> t.key(), t -> t.value());
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("sizeGb", s.volumeSize());
        d.put("volumeId", s.volumeId());
        d.put("description", s.description());
        d.put("encrypted", s.encrypted());
        d.put("storageTier", s.storageTierAsString());
        String name = Tags.name(tags);
        return new Resource(Resource.EBS_SNAPSHOT, s.snapshotId(), region, name, s.stateAsString(), s.startTime(),
                tags, null, d);
    }
}
