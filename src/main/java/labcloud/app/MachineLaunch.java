package labcloud.app;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import labcloud.aws.AwsContext;
import labcloud.core.AuditLog;
import labcloud.core.ProgressListener;
import labcloud.machine.LabDefaults;
import labcloud.machine.LaunchPlan;
import labcloud.machine.LaunchRequest;
import labcloud.machine.LaunchResult;
import labcloud.machine.Launcher;
import labcloud.machine.StateWaiter;
import labcloud.pricing.PriceCatalog;

/** Use case: plan a machine, and launch it with --apply (recorded in the audit log). */
public final class MachineLaunch {
    private final AwsContext aws;
    private final LabDefaults defaults;
    private final Launcher launcher;
    private final StateWaiter waiter;

    public MachineLaunch(AwsContext aws, StateWaiter waiter) {
        this.aws = aws;
        this.defaults = LabDefaults.load(aws.environment());
        this.launcher = new Launcher(aws, PriceCatalog.load(aws.environment()));
        this.waiter = waiter;
    }

    public LaunchPlan plan(LaunchRequest request) {
        return launcher.plan(request, defaults);
    }

    /** The launched machine and how long it took from the first call to "running with its SSH entry". */
    public record Launched(LaunchResult result, Duration took) {}

    public Launched apply(LaunchPlan plan, ProgressListener progress) {
        Instant start = Instant.now();
        LaunchResult r = launcher.launch(plan, defaults, waiter, progress);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("machine", plan.name());
        details.put("region", plan.region());
        details.put("instanceId", r.machine().instanceId());
        details.put("instanceType", plan.request().type());
        details.put("amiId", r.amiId());
        details.put("keyPair", r.keyPairName());
        details.put("securityGroup", r.securityGroupId());
        details.put("sshCidr", r.sshCidr());
        details.put("alarm", r.alarmName());
        details.put("tags", plan.tags());
        new AuditLog(aws.environment()).record("machine launch", details);
        return new Launched(r, Duration.between(start, Instant.now()));
    }
}
