package labcloud.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.Address;

/** Elastic IPs: one DescribeAddresses per region (it is not paginated). */
public final class ElasticIpCollector {
    public List<Resource> collect(CollectionRun run, String region) {
        List<Resource> out = new ArrayList<>();
        for (Address a : run.aws().ec2(region).describeAddresses().addresses()) out.add(toResource(a, region));
        return out;
    }

    static Resource toResource(Address a, String region) {
        Map<String, String> tags = Tags.of(a.tags(), t -> t.key(), t -> t.value());
        boolean associated = present(a.associationId()) || present(a.instanceId()) || present(a.networkInterfaceId());
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("associated", associated);
        d.put("instanceId", present(a.instanceId()) ? a.instanceId() : null);
        d.put("publicIp", a.publicIp());
        d.put("privateIp", a.privateIpAddress());
        d.put("associationId", present(a.associationId()) ? a.associationId() : null);
        d.put("networkInterfaceId", present(a.networkInterfaceId()) ? a.networkInterfaceId() : null);
        d.put("domain", a.domainAsString());
        String id = a.allocationId() != null ? a.allocationId() : a.publicIp();
        return new Resource(Resource.ELASTIC_IP, id, region, Tags.name(tags), associated ? "associated" : "idle", null,
                tags, null, d);
    }

    private static boolean present(String s) {
        return s != null && !s.isEmpty();
    }
}
