package labcloud.machine;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import labcloud.aws.AwsContext;
import labcloud.core.Environment;
import labcloud.core.ExitCode;
import labcloud.core.LabcloudException;
import labcloud.core.ProgressListener;
import labcloud.core.UsageException;
import labcloud.pricing.PriceCatalog;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceBlockDeviceMappingSpecification;

/** Stop, start, resize, hold and terminate a machine; every step waits for the state it needs. */
public final class Lifecycle {
    private final AwsContext aws;
    private final Environment env;
    private final StateWaiter waiter;

    public Lifecycle(AwsContext aws, StateWaiter waiter) {
        this.aws = aws;
        this.env = aws.environment();
        this.waiter = waiter;
    }

    public Machine stop(Machine m, ProgressListener progress) {
        if (m.stopped()) return m;
        AwsContext.call(() -> aws.ec2(m.region()).stopInstances(b -> b.instanceIds(m.instanceId())));
        return Machine.of(waiter.await(m.region(), m.instanceId(), "stopped", progress), m.region());
    }

    /** Starts the machine and points its SSH entry at the new public address. */
    public Machine start(Machine machine, ProgressListener progress) {
        Machine m = machine;
        if (!m.running()) {
            if (!m.stopped()) {
                m = Machine.of(waiter.await(m.region(), m.instanceId(), "stopped", progress), m.region());
            }
            String id = m.instanceId();
            String region = m.region();
            AwsContext.call(() -> aws.ec2(region).startInstances(b -> b.instanceIds(id)));
            m = Machine.of(waiter.await(m.region(), id, "running", progress), m.region());
        }
        refreshSshEntry(m);
        return m;
    }

    /** Writes the machine's SSH block with its current address and the key it was set up with. */
    public Path refreshSshEntry(Machine m) {
        SshConfig config = SshConfig.of(env);
        Path identity = config.identityFile(m.name()).orElse(KeyFiles.of(env).pathFor(m.name()));
        if (m.publicIp() == null) throw new LabcloudException(ExitCode.FAILED, m.name() + " has no public IP address");
        config.put(m.name(), m.publicIp(), identity);
        return config.file();
    }

    /** Old and new type and price; refuses a change of architecture or a type too small or not offered. */
    public record ResizePlan(Machine machine, InstanceTypeInfo from, InstanceTypeInfo to, Double hourlyFrom, Double hourlyTo,
                             List<String> warnings) {}

    public ResizePlan planResize(Machine m, String newType, boolean force, PriceCatalog prices) {
        InstanceTypes types = new InstanceTypes(aws);
        InstanceTypeInfo to = types.describe(m.region(), newType);
        InstanceTypeInfo from = types.describe(m.region(), m.type());
        if (to.type().equals(from.type())) throw new UsageException(m.name() + " already is a " + newType);
        if (!to.architecture().equals(from.architecture())) {
            throw new UsageException("cannot resize " + m.name() + " from " + from.type() + " (" + from.architecture() + ") to "
                    + to.type() + " (" + to.architecture() + "): its disk holds an " + from.architecture()
                    + " system; pick a " + from.architecture() + " type");
        }
        List<String> warnings = new ArrayList<>();
        if (to.tooSmall()) {
            String why = newType + " has less than 2 GiB of memory (conda/mamba run out of memory)";
            if (!force) throw new UsageException(why + "; --force to use it anyway");
            warnings.add(why);
        }
        if (m.availabilityZone() != null && !types.zonesOffering(m.region(), newType).contains(m.availabilityZone())) {
            throw new UsageException(newType + " is not offered in " + m.availabilityZone() + ", where " + m.name() + " lives");
        }
        return new ResizePlan(m, from, to, prices.ec2Hourly(m.region(), from.type()), prices.ec2Hourly(m.region(), to.type()),
                warnings);
    }

    /** Stop, wait, change the type, then start again if it was running (and refresh the SSH entry). */
    public Machine resize(ResizePlan plan, ProgressListener progress) {
        Machine m = plan.machine();
        boolean wasRunning = !m.stopped();
        m = stop(m, progress);
        changeType(m, plan.to().type());
        m = Machine.of(describe(m), m.region());
        return wasRunning ? start(m, progress) : m;
    }

    /**
     * ModifyInstanceAttribute on a stopped instance only: labcloud looks at the state itself right
     * before the change rather than trusting the service to refuse.
     */
    public void changeType(Machine m, String newType) {
        Instance now = describe(m);
        String state = now.state().nameAsString();
        if (!"stopped".equals(state)) {
            throw new LabcloudException(ExitCode.FAILED, "refusing to change the type of " + m.name() + " (" + m.instanceId()
                    + ") while it is " + state + ": it must be stopped first");
        }
        AwsContext.call(() -> aws.ec2(m.region()).modifyInstanceAttribute(b -> b.instanceId(m.instanceId())
                .instanceType(t -> t.value(newType))));
    }

    /** Postpones idle-stop until now + duration (the agent reads the tag); zero removes the hold. */
    public Instant hold(Machine m, Duration d) {
        Ec2Client ec2 = aws.ec2(m.region());
        if (d.isZero()) {
            AwsContext.call(() -> ec2.deleteTags(b -> b.resources(m.instanceId()).tags(t -> t.key(MachineTags.HOLD_UNTIL))));
            return null;
        }
        if (d.isNegative() || d.compareTo(Duration.ofDays(14)) > 0) throw new UsageException("hold for 1m to 14d, not " + d);
        Instant until = Instant.now().plus(d).truncatedTo(ChronoUnit.SECONDS);
        AwsContext.call(() -> ec2.createTags(b -> b.resources(m.instanceId()).tags(t -> t.key(MachineTags.HOLD_UNTIL)
                .value(until.toString()))));
        return until;
    }

    /** What terminate did. @param keptVolumes the volumes kept (--keep-disk), else empty: they were deleted with it */
    public record Terminated(Machine machine, List<String> keptVolumes, List<String> deletedVolumes, boolean keyPairDeleted,
                             boolean securityGroupDeleted, boolean sshBlockRemoved, boolean keyFileDeleted, List<String> warnings) {}

    public Terminated terminate(Machine m, boolean keepDisk, ProgressListener progress) {
        Ec2Client ec2 = aws.ec2(m.region());
        Instance i = describe(m);
        if (keepDisk) {
            List<InstanceBlockDeviceMappingSpecification> keep = i.blockDeviceMappings().stream().filter(b -> b.ebs() != null)
                    .map(b -> InstanceBlockDeviceMappingSpecification.builder().deviceName(b.deviceName())
                            .ebs(e -> e.deleteOnTermination(false)).build()).toList();
            for (var spec : keep) {
                AwsContext.call(() -> ec2.modifyInstanceAttribute(b -> b.instanceId(m.instanceId()).blockDeviceMappings(spec)));
            }
        }
        AwsContext.call(() -> ec2.terminateInstances(b -> b.instanceIds(m.instanceId())));
        waiter.await(m.region(), m.instanceId(), "terminated", progress);
        List<String> warnings = new ArrayList<>();
        try {
            new IdleAlarm(aws).delete(m.region(), m.name(), m.instanceId());
        } catch (RuntimeException e) {
            warnings.add("idle alarm not deleted: " + e.getMessage());
        }
        boolean key = false;
        String keyName = m.tags().get(MachineTags.KEY_PAIR);
        if (keyName != null) {
            try {
                AwsContext.call(() -> ec2.deleteKeyPair(b -> b.keyName(keyName)));
                key = true;
            } catch (RuntimeException e) {
                warnings.add("key pair " + keyName + " not deleted: " + e.getMessage());
            }
        }
        boolean sg = false;
        String group = m.tags().get(MachineTags.SECURITY_GROUP);
        if (group != null) {
            try {
                AwsContext.call(() -> ec2.deleteSecurityGroup(b -> b.groupId(group)));
                sg = true;
            } catch (RuntimeException e) {
                warnings.add("security group " + group + " not deleted: " + e.getMessage());
            }
        }
        boolean block = SshConfig.of(env).remove(m.name());
        boolean file = keyName != null && KeyFiles.of(env).delete(m.name());
        List<String> volumes = m.volumeIds();
        return new Terminated(m, keepDisk ? volumes : List.of(), keepDisk ? List.of() : volumes, key, sg, block, file,
                List.copyOf(warnings));
    }

    private Instance describe(Machine m) {
        return AwsContext.call(() -> aws.ec2(m.region()).describeInstances(b -> b.instanceIds(m.instanceId())))
                .reservations().stream().flatMap(r -> r.instances().stream()).findFirst()
                .orElseThrow(() -> new LabcloudException(ExitCode.FAILED, "instance " + m.instanceId() + " not found"));
    }
}
