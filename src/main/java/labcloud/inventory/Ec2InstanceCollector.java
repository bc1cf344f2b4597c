package labcloud.inventory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Reservation;

/** EC2 instances: one paginated DescribeInstances per region. */
public final class Ec2InstanceCollector {
    public List<Resource> collect(CollectionRun run, String region) {
        List<Resource> out = new ArrayList<>();
        for (Reservation r : run.aws().ec2(region).describeInstancesPaginator(b -> b.maxResults(1000)).reservations()) {
            for (Instance i : r.instances()) out.add(toResource(i, region, run.options().asOf()));
        }
        return withCpu(run, region, out);
    }

    /**
     * Adds the last day's CPU (highest 5-minute average, hours with data, minutes since it was last
     * above 2%) to running instances, for the instance-idle-running rule and the dashboard. A CloudWatch failure is reported and leaves the instances as they are.
     */
    static List<Resource> withCpu(CollectionRun run, String region, List<Resource> instances) {
        List<String> running = instances.stream().filter(r -> "running".equals(r.state())).map(Resource::id).toList();
        if (running.isEmpty()) return instances;
        Map<String, InstanceCpu.Day> cpu;
        try {
            cpu = InstanceCpu.lastDay(run.aws(), region, running, Instant.now());
        } catch (labcloud.core.LabcloudException e) {
            run.error(new labcloud.core.RegionError(region, "cloudwatch", "instance CPU: " + e.getMessage(),
                    e instanceof labcloud.core.AuthException));
            return instances;
        }
        List<Resource> out = new ArrayList<>(instances.size());
        for (Resource r : instances) {
            InstanceCpu.Day day = cpu.get(r.id());
            if (day == null) {
                out.add(r);
                continue;
            }
            Map<String, Object> d = new LinkedHashMap<>(r.details());
            d.put("cpuMaxPercent24h", Math.round(day.maxPercent() * 100) / 100.0);
            d.put("cpuHours24h", Math.round(day.hours() * 10) / 10.0);
            d.put("idleMinutes", day.idleMinutes());
            out.add(new Resource(r.type(), r.id(), r.region(), r.name(), r.state(), r.createdAt(), r.tags(), r.monthlyCost(), d));
        }
        return out;
    }

    static Resource toResource(Instance i, String region, Instant asOf) {
        Map<String, String> tags = Tags.of(i.tags(), t -> t.key(), t -> t.value());
        String state = i.state() == null ? null : i.state().nameAsString();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("instanceType", i.instanceTypeAsString());
        d.put("launchTime", i.launchTime());
        d.put("uptimeHours", uptimeHours(state, i.launchTime(), asOf));
        d.put("keyName", i.keyName());
        d.put("imageId", i.imageId());
        d.put("privateIp", i.privateIpAddress());
        d.put("publicIp", i.publicIpAddress());
        d.put("availabilityZone", i.placement() == null ? null : i.placement().availabilityZone());
        d.put("platform", i.platformDetails());
        d.put("lifecycle", i.instanceLifecycleAsString() == null ? "on-demand" : i.instanceLifecycleAsString());
        d.put("vpcId", i.vpcId());
        d.put("volumeIds", i.blockDeviceMappings().stream().filter(m -> m.ebs() != null).map(m -> m.ebs().volumeId()).toList());
        return new Resource(Resource.EC2_INSTANCE, i.instanceId(), region, Tags.name(tags), state, i.launchTime(),
                tags, null, d);
    }

    /** Hours since launch for a running instance (the launch time resets when it is started again). */
    static Double uptimeHours(String state, Instant launch, Instant asOf) {
        if (launch == null || !"running".equals(state)) return null;
        long minutes = Math.max(0, Duration.between(launch, asOf).toMinutes());
        return Math.round(minutes / 6.0) / 10.0;
    }
}
