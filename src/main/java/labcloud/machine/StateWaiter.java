package labcloud.machine;

import java.time.Duration;
import java.time.Instant;
import labcloud.aws.AwsContext;
import labcloud.core.ExitCode;
import labcloud.core.LabcloudException;
import labcloud.core.ProgressListener;
import software.amazon.awssdk.services.ec2.model.Instance;

/** Polls an instance until it reaches a state, with progress and a deadline (never an endless wait). */
public final class StateWaiter {
    private final AwsContext aws;
    private final Duration timeout;
    private final Duration interval;

    public StateWaiter(AwsContext aws, Duration timeout, Duration interval) {
        this.aws = aws;
        this.timeout = timeout;
        this.interval = interval;
    }

    public static StateWaiter standard(AwsContext aws) {
        return new StateWaiter(aws, Duration.ofMinutes(10), Duration.ofSeconds(3));
    }

    public Instance await(String region, String instanceId, String wanted, ProgressListener progress) {
        Instant start = Instant.now();
        Instant deadline = start.plus(timeout);
        long sleep = Math.min(500, interval.toMillis());
        while (true) {
            Instance i = AwsContext.call(() -> aws.ec2(region).describeInstances(b -> b.instanceIds(instanceId)))
                    .reservations().stream().flatMap(r -> r.instances().stream()).findFirst()
                    .orElseThrow(() -> new LabcloudException(ExitCode.FAILED, "instance " + instanceId + " disappeared"));
            String state = i.state().nameAsString();
            if (state.equals(wanted)) return i;
            if (state.equals("terminated") && !wanted.equals("terminated")) {
                throw new LabcloudException(ExitCode.FAILED, instanceId + " was terminated while waiting for '" + wanted
                        + "'" + (i.stateReason() == null ? "" : ": " + i.stateReason().message()));
            }
            long s = Duration.between(start, Instant.now()).toSeconds();
            progress.update(instanceId + " " + state + ", waiting for " + wanted + " (" + s + " s)");
            if (Instant.now().isAfter(deadline)) {
                throw new LabcloudException(ExitCode.FAILED, instanceId + " is still '" + state + "' after " + timeout.toMinutes()
                        + " min, not '" + wanted + "'; check it with labcloud machine list");
            }
            try {
                Thread.sleep(sleep);
                sleep = Math.min(sleep * 2, interval.toMillis()); // quick first looks, then the steady interval
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LabcloudException(ExitCode.FAILED, "interrupted while waiting for " + instanceId, e);
            }
        }
    }
}
