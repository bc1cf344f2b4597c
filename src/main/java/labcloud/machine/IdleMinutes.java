package labcloud.machine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import labcloud.inventory.InstanceCpu;

/**
 * Idle minutes as AWS sees them, without logging in: time since the last 5-minute CloudWatch
 * period whose average CPU reached the alarm's 2%. The agent on the machine knows more (kernels,
 * SSH), but this works for every instance and every admin.
 */
public final class IdleMinutes {
    private IdleMinutes() {}

    /** Null when CloudWatch has no samples (stopped, just launched, or no permission). */
    public static Long from(List<InstanceCpu.Sample> samples, Instant now, Duration period) {
        if (samples.isEmpty()) return null;
        Instant lastBusy = null;
        for (InstanceCpu.Sample s : samples) {
            if (s.percent() >= IdleAlarm.CPU_PERCENT) lastBusy = s.start().plus(period);
        }
        Instant since = lastBusy != null ? lastBusy : samples.get(0).start();
        return Math.max(0, Duration.between(since, now).toMinutes());
    }
}
