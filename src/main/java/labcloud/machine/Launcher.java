package labcloud.machine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import labcloud.aws.AwsContext;
import labcloud.core.Environment;
import labcloud.core.LabcloudException;
import labcloud.core.ProgressListener;
import labcloud.core.UsageException;
import labcloud.pricing.PriceCatalog;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.HttpTokensState;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataTagsState;
import software.amazon.awssdk.services.ec2.model.KeyType;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.ShutdownBehavior;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.VolumeType;

/**
 * Launching a machine: {@link #plan} checks everything that can be checked without changing
 * anything (type, memory, offering, tags, name, key file); {@link #launch} makes the key pair,
 * security group, instance (tagged at creation, volumes too) and idle alarm, and undoes what it made
 * when a later step fails.
 */
public final class Launcher {
    /** Amazon Linux 2023's root device. */
    static final String ROOT_DEVICE = "/dev/xvda";

    private final AwsContext aws;
    private final Environment env;
    private final PriceCatalog prices;

    public Launcher(AwsContext aws, PriceCatalog prices) {
        this.aws = aws;
        this.env = aws.environment();
        this.prices = prices;
    }

    public LaunchPlan plan(LaunchRequest req, LabDefaults defaults) {
        MachineTags.checkName(req.name());
        if (req.diskGiB() < 8 || req.diskGiB() > 16384) throw new UsageException("--disk must be 8 GiB to 16 TiB, not " + req.diskGiB() + " GiB");
        if (req.idleStopMinutes() < 10) throw new UsageException("--idle-stop must be at least 10m (the agent looks every 5 minutes)");
        if (req.sshCidr() != null) PublicAddress.checkCidr(req.sshCidr());
        String publicKey = req.publicKeyFile() == null ? null : readPublicKey(req.publicKeyFile());
        List<String> warnings = new ArrayList<>();

        InstanceTypeInfo info = new InstanceTypes(aws).describe(req.region(), req.type());
        if (info.tooSmall()) {
            String why = req.type() + " has " + String.format("%.1f", info.memoryGiB()) + " GiB of memory; conda/mamba "
                    + "run out of memory solving environments below 2 GiB (start with t3.small or t3.medium)";
            if (!req.force()) throw new UsageException(why + "; --force to launch it anyway");
            warnings.add(why);
        }

        Map<String, String> tags = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        Map<String, String> iam = null;
        List<String> missing = new ArrayList<>();
        for (String key : MachineTags.LAB) {
            String v = blankToNull(req.tags().get(key));
            String from = "flag";
            if (v == null) {
                v = blankToNull(defaults.tags().get(key));
                from = "config";
            }
            if (v == null && (key.equals("Owner") || key.equals("Email"))) {
                if (iam == null) iam = LabDefaults.fromIamUser(aws);
                v = blankToNull(iam.get(key));
                from = "iam";
            }
            if (v == null) {
                missing.add(key);
                continue;
            }
            if (key.equals("Email") && !v.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                throw new UsageException("Email tag '" + v + "' is not an e-mail address");
            }
            if (v.length() > 256) throw new UsageException(key + " tag is longer than 256 characters");
            tags.put(key, v);
            sources.put(key, from);
        }
        if (!missing.isEmpty() && !req.force()) {
            throw new UsageException("missing lab tags: " + String.join(", ", missing) + " (give --"
                    + String.join(" --", missing.stream().map(String::toLowerCase).toList())
                    + ", or set them under 'tags:' in " + LabDefaults.file(env) + "; --force to launch without)");
        }
        if (!missing.isEmpty()) warnings.add("launching without the lab tags " + String.join(", ", missing));

        List<String> zones = new InstanceTypes(aws).zonesOffering(req.region(), req.type());
        if (zones.isEmpty()) throw new UsageException(req.type() + " is not offered in " + req.region() + " (try another region)");

        requireFree(req.region(), req.name());

        Double hourly = prices.ec2Hourly(req.region(), req.type());
        Double monthly = prices.ec2Monthly(req.region(), req.type());
        Double disk = prices.ebsMonthly(req.region(), "gp3", req.diskGiB(), null);
        if (hourly == null) warnings.add("no price for " + req.type() + " in " + req.region() + " in the catalog");
        return new LaunchPlan(req, info, zones.get(0), hourly, monthly, disk, java.util.Collections.unmodifiableMap(tags),
                java.util.Collections.unmodifiableMap(sources),
                List.copyOf(missing), Amis.parameterFor(info.architecture()), publicKey, List.copyOf(warnings));
    }

    /** A name in use is bad input: a live machine, or a key pair or security group of that name. */
    private void requireFree(String region, String name) {
        if (new Machines(aws).find(region, name).isPresent()) {
            throw new UsageException("a machine named '" + name + "' already exists in " + region);
        }
        String res = MachineTags.resourceName(name);
        Ec2Client ec2 = aws.ec2(region);
        boolean key = !AwsContext.call(() -> ec2.describeKeyPairs(b -> b.filters(f -> f.name("key-name").values(res)))).keyPairs().isEmpty();
        boolean sg = !AwsContext.call(() -> ec2.describeSecurityGroups(b -> b.filters(f -> f.name("group-name").values(res))))
                .securityGroups().isEmpty();
        if (key || sg) {
            throw new UsageException("the " + (key ? "key pair" : "security group") + " '" + res + "' already exists in "
                    + region + " (left from an earlier machine?): delete it or pick another name");
        }
    }

    public LaunchResult launch(LaunchPlan plan, LabDefaults defaults, StateWaiter waiter, ProgressListener progress) {
        String region = plan.region();
        String name = plan.name();
        String res = MachineTags.resourceName(name);
        Ec2Client ec2 = aws.ec2(region);
        Undo undo = new Undo();
        try {
            progress.update("latest Amazon Linux 2023 AMI");
            String ami = Amis.latest(aws, region, plan.info().architecture());
            String cidr = plan.request().sshCidr() != null ? plan.request().sshCidr()
                    : PublicAddress.cidrFrom(defaults.checkIpUrl());

            Map<String, String> common = new LinkedHashMap<>(plan.tags());
            common.put(MachineTags.NAME, name);
            progress.update("key pair");
            Path keyFile = null;
            if (plan.publicKey() == null) {
                var kp = AwsContext.call(() -> ec2.createKeyPair(b -> b.keyName(res).keyType(KeyType.ED25519)
                        .tagSpecifications(spec(ResourceType.KEY_PAIR, common))));
                undo.add(() -> ec2.deleteKeyPair(b -> b.keyName(res)));
                KeyFiles keys = KeyFiles.of(env);
                keyFile = keys.write(name, kp.keyMaterial());
                undo.add(() -> keys.delete(name));
            } else {
                AwsContext.call(() -> ec2.importKeyPair(b -> b.keyName(res)
                        .publicKeyMaterial(software.amazon.awssdk.core.SdkBytes.fromUtf8String(plan.publicKey()))
                        .tagSpecifications(spec(ResourceType.KEY_PAIR, common))));
                undo.add(() -> ec2.deleteKeyPair(b -> b.keyName(res)));
            }

            progress.update("security group (SSH from " + cidr + ")");
            String vpc = defaultVpc(ec2, region);
            String sg = AwsContext.call(() -> ec2.createSecurityGroup(b -> b.groupName(res).vpcId(vpc)
                    .description("labcloud machine " + name + ": SSH only from " + cidr)
                    .tagSpecifications(spec(ResourceType.SECURITY_GROUP, common)))).groupId();
            undo.add(() -> ec2.deleteSecurityGroup(b -> b.groupId(sg)));
            AwsContext.call(() -> ec2.authorizeSecurityGroupIngress(b -> b.groupId(sg).ipPermissions(p -> p
                    .ipProtocol("tcp").fromPort(22).toPort(22).ipRanges(r -> r.cidrIp(cidr).description("labcloud: SSH")))));

            Map<String, String> instanceTags = new LinkedHashMap<>(common);
            instanceTags.put("Name", name);
            instanceTags.put(MachineTags.IDLE_STOP, Integer.toString(plan.request().idleStopMinutes()));
            instanceTags.put(MachineTags.KEY_PAIR, res);
            instanceTags.put(MachineTags.SECURITY_GROUP, sg);
            Map<String, String> volumeTags = new LinkedHashMap<>(common);
            volumeTags.put("Name", name);
            String userData = UserData.base64(UserData.script(name, plan.request().idleStopMinutes()));
            progress.update("launching " + plan.request().type() + " in " + plan.zone());
            Instance launched = AwsContext.call(() -> ec2.runInstances(b -> b
                    .imageId(ami).instanceType(plan.request().type()).minCount(1).maxCount(1)
                    .keyName(res).securityGroupIds(sg)
                    .placement(p -> p.availabilityZone(plan.zone()))
                    .instanceInitiatedShutdownBehavior(ShutdownBehavior.STOP)
                    .metadataOptions(m -> m.httpTokens(HttpTokensState.REQUIRED).instanceMetadataTags(InstanceMetadataTagsState.ENABLED))
                    .blockDeviceMappings(BlockDeviceMapping.builder().deviceName(ROOT_DEVICE).ebs(e -> e
                            .volumeSize((int) plan.request().diskGiB()).volumeType(VolumeType.GP3)
                            .encrypted(true).deleteOnTermination(true)).build())
                    .userData(userData)
                    .tagSpecifications(spec(ResourceType.INSTANCE, instanceTags), spec(ResourceType.VOLUME, volumeTags))))
                    .instances().get(0);
            String id = launched.instanceId();
            undo.add(() -> {
                ec2.terminateInstances(b -> b.instanceIds(id));
                waiter.await(region, id, "terminated", ProgressListener.NONE); // the group cannot go before it
            });

            progress.update("idle alarm");
            String alarm = new IdleAlarm(aws).put(region, name, id, plan.tags());
            undo.add(() -> new IdleAlarm(aws).delete(region, name, id));

            Instance running = waiter.await(region, id, "running", progress);
            Machine m = Machine.of(running, region);
            Path identity = keyFile != null ? keyFile : privateKeyBeside(plan.request().publicKeyFile());
            SshConfig.of(env).put(name, m.publicIp() != null ? m.publicIp() : running.publicDnsName(), identity);
            progress.done();
            return new LaunchResult(m, ami, res, keyFile, sg, cidr, alarm, SshConfig.hostAlias(name));
        } catch (RuntimeException e) {
            progress.done();
            undo.run();
            throw e;
        }
    }

    /** For an imported key, the private key is the .pub file's sibling without the suffix. */
    static Path privateKeyBeside(Path publicKey) {
        String f = publicKey.toAbsolutePath().toString();
        return Path.of(f.endsWith(".pub") ? f.substring(0, f.length() - 4) : f);
    }

    private static String defaultVpc(Ec2Client ec2, String region) {
        var vpcs = AwsContext.call(() -> ec2.describeVpcs(b -> b.filters(f -> f.name("isDefault").values("true")))).vpcs();
        if (vpcs.isEmpty()) {
            throw new LabcloudException(labcloud.core.ExitCode.FAILED, region + " has no default VPC; labcloud machines "
                    + "launch into the default VPC (aws ec2 create-default-vpc --region " + region + ")");
        }
        return vpcs.get(0).vpcId();
    }

    static TagSpecification spec(ResourceType type, Map<String, String> tags) {
        return TagSpecification.builder().resourceType(type)
                .tags(tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList())
                .build();
    }

    private static String readPublicKey(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new UsageException("--public-key " + file + ": cannot read it");
        }
        if (text.contains("PRIVATE KEY")) throw new UsageException("--public-key " + file + " is a private key; give the .pub file");
        if (!text.matches("(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp(256|384|521)) [A-Za-z0-9+/=]+( .*)?") || text.contains("\n")) {
            throw new UsageException("--public-key " + file + ": not an OpenSSH public key (one line starting with ssh-ed25519 or ssh-rsa)");
        }
        return text;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** What to remove, newest first, when a later step fails; each removal is best effort. */
    private static final class Undo {
        private final List<Runnable> steps = new ArrayList<>();

        void add(Runnable r) {
            steps.add(0, r);
        }

        void run() {
            for (Runnable r : steps) {
                try {
                    r.run();
                } catch (RuntimeException ignored) {
                    // the original failure is what the user needs to see
                }
            }
        }
    }
}
