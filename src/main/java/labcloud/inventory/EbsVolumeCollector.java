package labcloud.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.ec2.model.VolumeAttachment;

/** EBS volumes: one paginated DescribeVolumes per region (attachments come with it). */
public final class EbsVolumeCollector {
    public List<Resource> collect(CollectionRun run, String region) {
        List<Resource> out = new ArrayList<>();
        for (Volume v : run.aws().ec2(region).describeVolumesPaginator(b -> b.maxResults(500)).volumes()) {
            out.add(toResource(v, region));
        }
        return out;
    }

    static Resource toResource(Volume v, String region) {
        Map<String, String> tags = Tags.of(v.tags(), t -> t.key(), t -> t.value());
        VolumeAttachment a = v.attachments().isEmpty() ? null : v.attachments().get(0);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("sizeGb", v.size());
        d.put("volumeType", v.volumeTypeAsString());
        d.put("iops", v.iops());
        d.put("throughput", v.throughput());
        d.put("attachedTo", a == null ? null : a.instanceId());
        d.put("attachState", a == null ? "detached" : a.stateAsString());
        d.put("device", a == null ? null : a.device());
        d.put("availabilityZone", v.availabilityZone());
        d.put("encrypted", v.encrypted());
        d.put("snapshotId", v.snapshotId() == null || v.snapshotId().isEmpty() ? null : v.snapshotId());
        return new Resource(Resource.EBS_VOLUME, v.volumeId(), region, Tags.name(tags), v.stateAsString(),
                v.createTime(), tags, null, d);
    }
}
