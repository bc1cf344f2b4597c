package labcloud.app;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import labcloud.aws.AwsContext;
import labcloud.core.AuditLog;
import labcloud.core.Fields;
import labcloud.core.ProgressListener;
import labcloud.machine.Lifecycle;
import labcloud.machine.Machine;
import labcloud.machine.Machines;
import labcloud.machine.SshConfig;
import labcloud.machine.SshSession;
import labcloud.machine.StateWaiter;
import labcloud.pricing.PriceCatalog;

/** Use cases on one existing machine: stop, start, resize, hold, terminate, connect; each change audited. */
public final class MachineControl {
    private final AwsContext aws;
    private final Lifecycle lifecycle;
    private final AuditLog audit;

    public MachineControl(AwsContext aws, StateWaiter waiter) {
        this.aws = aws;
        this.lifecycle = new Lifecycle(aws, waiter);
        this.audit = new AuditLog(aws.environment());
    }

    /** The machine by name in the region, or exit 2. */
    public Machine find(String region, String name) {
        return new Machines(aws).require(region, name);
    }

    public Machine stop(Machine m, ProgressListener progress) {
        Machine r = lifecycle.stop(m, progress);
        record("machine stop", m, Map.of());
        return r;
    }

    public Machine start(Machine m, ProgressListener progress) {
        Machine r = lifecycle.start(m, progress);
        record("machine start", m, Map.of("publicIp", String.valueOf(r.publicIp())));
        return r;
    }

    public Lifecycle.ResizePlan planResize(Machine m, String type, boolean force) {
        return lifecycle.planResize(m, type, force, PriceCatalog.load(aws.environment()));
    }

    public Machine resize(Lifecycle.ResizePlan plan, ProgressListener progress) {
        Machine r = lifecycle.resize(plan, progress);
        record("machine resize", plan.machine(), Fields.of("from", plan.from().type(), "to", plan.to().type()));
        return r;
    }

    public Instant hold(Machine m, Duration d) {
        Instant until = lifecycle.hold(m, d);
        record("machine hold", m, Map.of("until", until == null ? "released" : until.toString()));
        return until;
    }

    public Lifecycle.Terminated terminate(Machine m, boolean keepDisk, ProgressListener progress) {
        Lifecycle.Terminated t = lifecycle.terminate(m, keepDisk, progress);
        record("machine terminate", m, Fields.of("keptVolumes", t.keptVolumes(), "deletedVolumes", t.deletedVolumes()));
        return t;
    }

    /** Rewrites the SSH block of every machine in the region; the number written. */
    public int refreshSshConfig(String region, String name) {
        int n = 0;
        for (Machine m : new Machines(aws).inRegion(region, name)) {
            if (m.running() && m.publicIp() != null) {
                lifecycle.refreshSshEntry(m);
                n++;
            }
        }
        return n;
    }

    /** Connect: the machine running (starting it when asked), its SSH entry current, and the Jupyter URL. */
    public record Connection(Machine machine, String alias, String jupyterUrl, SshSession session) {}

    public Connection connect(Machine m, ProgressListener progress) {
        Machine running = lifecycle.start(m, progress);
        SshSession ssh = new SshSession(SshConfig.of(aws.environment()).file(), m.name());
        String token = ssh.jupyterToken();
        return new Connection(running, SshConfig.hostAlias(m.name()), "http://127.0.0.1:8888/lab?token=" + token, ssh);
    }

    private void record(String action, Machine m, Map<String, ?> extra) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("machine", m.name());
        d.put("region", m.region());
        d.put("instanceId", m.instanceId());
        d.putAll(extra);
        audit.record(action, d);
    }
}
