package labcloud.machine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.ec2.model.Instance;

/** A lab machine as EC2 describes it now. */
public record Machine(String name, String instanceId, String region, String state, String type, String architecture,
                      Instant launchTime, String publicIp, String availabilityZone, Map<String, String> tags,
                      List<String> volumeIds) {

    public static Machine of(Instance i, String region) {
        Map<String, String> tags = new TreeMap<>();
        i.tags().forEach(t -> tags.put(t.key(), t.value()));
        return new Machine(tags.get(MachineTags.NAME), i.instanceId(), region,
                i.state() == null ? null : i.state().nameAsString(), i.instanceTypeAsString(), i.architectureAsString(),
                i.launchTime(), i.publicIpAddress(), i.placement() == null ? null : i.placement().availabilityZone(),
                Map.copyOf(tags),
                i.blockDeviceMappings().stream().filter(m -> m.ebs() != null).map(m -> m.ebs().volumeId()).toList());
    }

    public boolean running() {
        return "running".equals(state);
    }

    public boolean stopped() {
        return "stopped".equals(state);
    }

    /** The idle-stop setting in minutes, or null when the machine has none. */
    public Integer idleStopMinutes() {
        try {
            String v = tags.get(MachineTags.IDLE_STOP);
            return v == null ? null : Integer.valueOf(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public Instant holdUntil() {
        try {
            String v = tags.get(MachineTags.HOLD_UNTIL);
            return v == null ? null : Instant.parse(v);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
