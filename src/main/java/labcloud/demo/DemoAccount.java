package labcloud.demo;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import labcloud.aws.AwsContext;
import labcloud.demo.TrailLogWriter.Identity;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.VolumeType;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;

/**
 * Seeds an emulated account that looks like a real lab's: instances of several types and states
 * in six regions, some tagged properly and some not (missing keys, an Email that is no address),
 * attached and forgotten volumes, snapshots, EFS file systems, buckets with data (one public, one
 * holding CloudTrail logs that say who created what), Elastic IPs, and IAM users with and without
 * MFA and with one or two keys. Used by `labcloud demo` and as the fixture of many tests.
 */
public final class DemoAccount {
    public static final String ACCOUNT = "123456789012";
    public static final List<String> REGIONS = List.of(
            "us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2", "ap-northeast-1");
    public static final String TRAIL_BUCKET = "lab-cloudtrail-logs";
    public static final String ROLE = "LabResearcher";
    /** Amazon Linux 2023, as the lab recommends; the emulator accepts any AMI id. */
    static final String AMI = "ami-0a1b2c3d4e5f60718";
    /** The demo lab's people: user name -> e-mail. "frank" works through the LabResearcher role. */
    public static final Map<String, String> PEOPLE = orderedMap(
            "alice", "alice@lab.example.org", "bob", "bob@lab.example.org", "carol", "carol@lab.example.org",
            "dave", "dave@lab.example.org", "erin", "erin@lab.example.org", "frank", "frank@lab.example.org");

    /**
     * The demo lab's policy (written to the demo's ~/.labcloud/policy.yaml): its projects, the
     * regions it works in (the Tokyo latency test is outside them: a planted region-not-allowed
     * case), and frank's address, since he works through a role and has no IAM user to carry it.
     */
    public static final String LAB_POLICY = """
            # The demo lab's policy: what `labcloud audit` checks (see the README for every rule).
            rules:
              required-tags:
                projects: [genomics, vision, climate, admin]
              region-not-allowed:
                regions: [us-east-1, us-west-2, eu-west-1, eu-central-1, ap-southeast-2]
            people:
              frank: frank@lab.example.org
            """;

    private final AwsContext aws;
    private final DemoManifest manifest = new DemoManifest();
    private final TrailLogWriter trail = new TrailLogWriter(ACCOUNT);
    private final Map<String, Identity> identities = new HashMap<>();
    private final Random random = new Random(42);
    private Instant clock = Instant.now().minusSeconds(3 * 3600);

    private DemoAccount(AwsContext aws) {
        this.aws = aws;
    }

    /** Seeds the account behind {@code aws} (an emulator) and returns what was created. */
    public static DemoManifest seed(AwsContext aws) {
        DemoAccount d = new DemoAccount(aws);
        d.seedIam();
        d.seedCompute();
        d.seedMachines();
        d.seedStorage();
        d.seedSpend();
        d.seedTrails();
        return d.manifest;
    }

    // ---- IAM ------------------------------------------------------------------------------------

    private void seedIam() {
        IamClient iam = aws.iam();
        for (String user : List.of("alice", "bob", "carol", "dave", "erin")) {
            var u = iam.createUser(b -> b.userName(user).tags(t -> t.key("Email").value(PEOPLE.get(user))));
            String firstKey = iam.createAccessKey(b -> b.userName(user)).accessKey().accessKeyId();
            identities.put(user, Identity.user(ACCOUNT, user, u.user().userId(), firstKey));
            manifest.add("iam-user", user, "global", user, "admin", Map.of("Email", PEOPLE.get(user)));
        }
        // Console users: alice has MFA, bob and carol do not.
        for (String user : List.of("alice", "bob", "carol")) {
            iam.createLoginProfile(b -> b.userName(user).password("Demo-Passw0rd-" + user).passwordResetRequired(false));
        }
        var mfa = iam.createVirtualMFADevice(b -> b.virtualMFADeviceName("alice"));
        iam.enableMFADevice(b -> b.userName("alice").serialNumber(mfa.virtualMFADevice().serialNumber())
                .authenticationCode1("123456").authenticationCode2("654321"));
        // bob has two active keys; dave has an old inactive second key.
        iam.createAccessKey(b -> b.userName("bob"));
        String daveOld = iam.createAccessKey(b -> b.userName("dave")).accessKey().accessKeyId();
        iam.updateAccessKey(b -> b.userName("dave").accessKeyId(daveOld).status("Inactive"));
        var role = iam.createRole(b -> b.roleName(ROLE).assumeRolePolicyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::"
                        + ACCOUNT + ":root\"},\"Action\":\"sts:AssumeRole\"}]}"));
        identities.put("frank", Identity.assumedRole(ACCOUNT, ROLE, role.role().roleId(), "frank"));
        for (String user : List.of("alice", "bob", "carol")) {
            at("us-east-1", user, "signin.amazonaws.com", "ConsoleLogin", null, Map.of("ConsoleLogin", "Success"));
        }
    }

    // ---- EC2 ------------------------------------------------------------------------------------

    private void seedCompute() {
        String a = "alice", b = "bob", c = "carol", d = "dave", e = "erin", f = "frank";
        Instance jupyter = instance("us-east-1", "jupyter-alice", "t3.medium", true, a,
                tags(a, "genomics", "rnaseq"));
        instance("us-east-1", "train-bob", "m5.xlarge", true, b, without(tags(b, "vision", null), "Task"));
        Map<String, String> carolBad = tags(c, "vision", "training");
        carolBad.put("Email", "carol-at-lab");
        instance("us-east-1", "gpu-carol", "g4dn.xlarge", false, c, carolBad);
        instance("us-east-1", null, "t3.micro", true, f, Map.of());
        instance("us-west-2", "p3-sweep", "p3.2xlarge", false, d, tags(d, "vision", "hparam-sweep"));
        Map<String, String> etl = tags(e, "climate", "etl");
        etl.put("Owner", "");
        instance("us-west-2", "etl-worker", "c5.large", true, e, etl);
        instance("eu-west-1", "stats-server", "r5.large", true, e, tags(e, "climate", "stats"));
        instance("eu-central-1", null, "t3a.small", true, b, Map.of());
        instance("ap-southeast-2", "old-analysis", "m6i.large", false, c, tags(c, "genomics", "variant-calling"));
        instance("ap-northeast-1", "tokyo-test", "c6i.xlarge", true, f, without(tags(f, "vision", "latency-test"), "Email"));

        // A data volume attached to alice's notebook machine, and its snapshot.
        String data = volume("us-east-1", "alice-data", 200, VolumeType.GP3, null, a, tags(a, "genomics", "rnaseq"));
        ec2("us-east-1").attachVolume(r -> r.volumeId(data).instanceId(jupyter.instanceId()).device("/dev/sdf"));
        snapshot("us-east-1", data, "alice-data-backup", a, tags(a, "genomics", "rnaseq"));
        // Forgotten volumes: nobody attached them again.
        volume("us-east-1", "scratch-500g", 500, VolumeType.GP3, null, d, onlyOwner(d));
        volume("us-east-1", null, 100, VolumeType.IO1, 3000, f, Map.of());
        volume("us-west-2", "archive-disk", 2000, VolumeType.ST1, null, d, tags(d, "vision", "archive"));
        // An orphaned snapshot whose volume is gone.
        String tmp = volume("eu-central-1", null, 50, VolumeType.GP2, null, b, Map.of());
        snapshot("eu-central-1", tmp, null, b, Map.of());
        ec2("eu-central-1").deleteVolume(r -> r.volumeId(tmp));
        manifest.remove(tmp);

        // Elastic IPs: one on alice's instance, two idle.
        String eip = address("us-east-1", "jupyter-alice-ip", a, tags(a, "genomics", "rnaseq"));
        ec2("us-east-1").associateAddress(r -> r.allocationId(eip).instanceId(jupyter.instanceId()));
        address("us-east-1", null, b, Map.of());
        address("ap-southeast-2", "old-analysis-ip", c, onlyOwner(c));
    }

    // ---- lab machines ---------------------------------------------------------------------------

    /**
     * Two Jupyter machines: alice's launched with `labcloud machine launch` (tagged down to its disk,
     * SSH from one address, idle-stop and the CPU alarm, in use until a quarter of an hour ago), and
     * one dave started by hand in the console and forgot (CPU under 1% all day: instance-idle-running).
     */
    private void seedMachines() {
        String region = "us-east-1";
        String name = "nb-alice";
        String res = "labcloud-" + name;
        Map<String, String> lab = tags("alice", "genomics", "rnaseq");
        Map<String, String> common = new LinkedHashMap<>(lab);
        common.put("labcloud:machine", name);
        common.put("Name", name);
        ec2(region).createKeyPair(r -> r.keyName(res).keyType(software.amazon.awssdk.services.ec2.model.KeyType.ED25519));
        String vpc = ec2(region).describeVpcs(r -> r.filters(f -> f.name("isDefault").values("true"))).vpcs().get(0).vpcId();
        String sg = ec2(region).createSecurityGroup(r -> r.groupName(res).vpcId(vpc)
                .description("labcloud machine " + name + ": SSH only from 203.0.113.7/32")
                .tagSpecifications(tagSpec(ResourceType.SECURITY_GROUP, common))).groupId();
        ec2(region).authorizeSecurityGroupIngress(r -> r.groupId(sg).ipPermissions(p -> p.ipProtocol("tcp").fromPort(22)
                .toPort(22).ipRanges(x -> x.cidrIp("203.0.113.7/32"))));
        Map<String, String> instanceTags = new LinkedHashMap<>(common);
        instanceTags.put("labcloud:idle-stop", "60");
        instanceTags.put("labcloud:key-pair", res);
        instanceTags.put("labcloud:security-group", sg);
        Instance i = ec2(region).runInstances(r -> r.imageId(AMI).instanceType("t3.large").minCount(1).maxCount(1)
                .keyName(res).securityGroupIds(sg)
                .instanceInitiatedShutdownBehavior(software.amazon.awssdk.services.ec2.model.ShutdownBehavior.STOP)
                .tagSpecifications(tagSpec(ResourceType.INSTANCE, instanceTags), tagSpec(ResourceType.VOLUME, common)))
                .instances().get(0);
        manifest.add("ec2-instance", i.instanceId(), region, name, "alice", instanceTags);
        String rootVolume = i.blockDeviceMappings().get(0).ebs().volumeId();
        manifest.add("ebs-volume", rootVolume, region, name, "alice", common);
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("instanceId", i.instanceId());
        item.put("instanceType", "t3.large");
        item.put("imageId", i.imageId());
        at(region, "alice", "ec2.amazonaws.com", "RunInstances", Map.of("instanceType", "t3.large"),
                Map.of("instancesSet", Map.of("items", List.of(withRootVolume(item, rootVolume)))));
        // the alarm labcloud machine launch makes (seeded directly: the demo sits below the machine capability)
        aws.cloudWatch(region).putMetricAlarm(r -> r.alarmName("labcloud-idle-" + name + "-" + i.instanceId())
                .namespace("AWS/EC2").metricName("CPUUtilization").dimensions(d -> d.name("InstanceId").value(i.instanceId()))
                .statistic("Average").period(300).evaluationPeriods(24).datapointsToAlarm(24).threshold(2.0)
                .comparisonOperator("LessThanThreshold").treatMissingData("notBreaching")
                .alarmActions("arn:aws:automate:" + region + ":ec2:stop"));
        cpuDay(region, i.instanceId(), minutesAgo -> minutesAgo > 15 && minutesAgo < 180 ? 35.0 : 0.8);

        Instance forgotten = instance("eu-west-1", "jupyter-dave", "r5.xlarge", true, "dave", tags("dave", "vision", "notebook"));
        cpuDay("eu-west-1", forgotten.instanceId(), minutesAgo -> 0.6);
    }

    /** A day of 5-minute CPU averages for an instance, as EC2's basic monitoring records them. */
    private void cpuDay(String region, String instanceId, java.util.function.IntFunction<Double> percentMinutesAgo) {
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        List<software.amazon.awssdk.services.cloudwatch.model.MetricDatum> data = new java.util.ArrayList<>();
        for (int m = 5; m <= 24 * 60; m += 5) {
            data.add(software.amazon.awssdk.services.cloudwatch.model.MetricDatum.builder().metricName("CPUUtilization")
                    .value(percentMinutesAgo.apply(m)).unit("Percent").timestamp(now.minusSeconds(60L * m))
                    .dimensions(d -> d.name("InstanceId").value(instanceId)).build());
        }
        aws.cloudWatch(region).putMetricData(r -> r.namespace("AWS/EC2").metricData(data));
    }

    private Instance instance(String region, String name, String type, boolean running, String who, Map<String, String> tags) {
        Map<String, String> all = named(name, tags);
        Instance i = ec2(region).runInstances(r -> {
            r.imageId(AMI).instanceType(type).minCount(1).maxCount(1).keyName(who + "-key");
            if (!all.isEmpty()) r.tagSpecifications(tagSpec(ResourceType.INSTANCE, all));
        }).instances().get(0);
        if (!running) ec2(region).stopInstances(r -> r.instanceIds(i.instanceId()));
        manifest.add("ec2-instance", i.instanceId(), region, name, who, all);
        String rootVolume = i.blockDeviceMappings().isEmpty() ? null : i.blockDeviceMappings().get(0).ebs().volumeId();
        if (rootVolume != null) {
            // Volumes created with an instance carry no tags unless the user asked for them.
            manifest.add("ebs-volume", rootVolume, region, null, who, Map.of());
        }
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("instanceId", i.instanceId());
        item.put("instanceType", type);
        item.put("imageId", i.imageId());
        at(region, who, "ec2.amazonaws.com", "RunInstances",
                Map.of("instanceType", type, "instancesSet", Map.of("items", List.of(Map.of("imageId", i.imageId(),
                        "minCount", 1, "maxCount", 1)))),
                Map.of("instancesSet", Map.of("items", List.of(withRootVolume(item, rootVolume)))));
        if (!running) {
            at(region, who, "ec2.amazonaws.com", "StopInstances",
                    Map.of("instancesSet", Map.of("items", List.of(Map.of("instanceId", i.instanceId())))), null);
        }
        return i;
    }

    private static Map<String, Object> withRootVolume(Map<String, Object> item, String volumeId) {
        if (volumeId != null) {
            item.put("blockDeviceMapping", Map.of("items", List.of(Map.of("deviceName", "/dev/sda1",
                    "ebs", Map.of("volumeId", volumeId, "status", "attaching", "deleteOnTermination", true)))));
        }
        return item;
    }

    private String volume(String region, String name, int sizeGb, VolumeType type, Integer iops, String who,
                          Map<String, String> tags) {
        Map<String, String> all = named(name, tags);
        var v = ec2(region).createVolume(r -> {
            r.availabilityZone(region + "a").size(sizeGb).volumeType(type);
            if (iops != null) r.iops(iops);
            if (!all.isEmpty()) r.tagSpecifications(tagSpec(ResourceType.VOLUME, all));
        });
        manifest.add("ebs-volume", v.volumeId(), region, name, who, all);
        at(region, who, "ec2.amazonaws.com", "CreateVolume",
                Map.of("size", sizeGb, "zone", region + "a", "volumeType", type.toString()),
                Map.of("volumeId", v.volumeId(), "size", String.valueOf(sizeGb), "status", "creating"));
        return v.volumeId();
    }

    private void snapshot(String region, String volumeId, String name, String who, Map<String, String> tags) {
        Map<String, String> all = named(name, tags);
        var s = ec2(region).createSnapshot(r -> {
            r.volumeId(volumeId).description(name == null ? "" : name);
            if (!all.isEmpty()) r.tagSpecifications(tagSpec(ResourceType.SNAPSHOT, all));
        });
        manifest.add("ebs-snapshot", s.snapshotId(), region, name, who, all);
        at(region, who, "ec2.amazonaws.com", "CreateSnapshot", Map.of("volumeId", volumeId),
                Map.of("snapshotId", s.snapshotId(), "volumeId", volumeId, "status", "pending"));
    }

    private String address(String region, String name, String who, Map<String, String> tags) {
        Map<String, String> all = named(name, tags);
        var a = ec2(region).allocateAddress(r -> {
            r.domain("vpc");
            if (!all.isEmpty()) r.tagSpecifications(tagSpec(ResourceType.ELASTIC_IP, all));
        });
        manifest.add("elastic-ip", a.allocationId(), region, name, who, all);
        at(region, who, "ec2.amazonaws.com", "AllocateAddress", Map.of("domain", "vpc"),
                Map.of("allocationId", a.allocationId(), "publicIp", a.publicIp(), "domain", "vpc"));
        return a.allocationId();
    }

    // ---- storage: EFS and S3 --------------------------------------------------------------------

    private void seedStorage() {
        fileSystem("us-east-1", "shared-datasets", "alice", tags("alice", "genomics", "reference-data"));
        fileSystem("eu-west-1", "scratch-efs", "erin", Map.of());

        bucket("lab-datasets", "us-east-1", "alice", tags("alice", "genomics", "reference-data"), 24, 256 * 1024);
        bucket("lab-scratch", "us-west-2", "bob", Map.of(), 12, 64 * 1024);
        bucket("lab-public-share", "eu-west-1", "carol", onlyOwner("carol"), 4, 32 * 1024);
        aws.s3("eu-west-1").putBucketPolicy(b -> b.bucket("lab-public-share").policy(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"PublicRead\",\"Effect\":\"Allow\","
                        + "\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::lab-public-share/*\"}]}"));
        bucket(TRAIL_BUCKET, "us-east-1", "alice", tags("alice", "admin", "cloudtrail"), 0, 0);
        manifest.note("trailBucket", TRAIL_BUCKET);
    }

    private void fileSystem(String region, String name, String who, Map<String, String> tags) {
        Map<String, String> all = named(name, tags);
        var fs = aws.efs(region).createFileSystem(r -> r.creationToken(name).performanceMode("generalPurpose")
                .tags(all.entrySet().stream().map(t -> software.amazon.awssdk.services.efs.model.Tag.builder()
                        .key(t.getKey()).value(t.getValue()).build()).toList()));
        manifest.add("efs-filesystem", fs.fileSystemId(), region, name, who, all);
        at(region, who, "elasticfilesystem.amazonaws.com", "CreateFileSystem", Map.of("creationToken", name),
                Map.of("fileSystemId", fs.fileSystemId(), "lifeCycleState", "creating"));
    }

    private void bucket(String name, String region, String who, Map<String, String> tags, int objects, int objectSize) {
        S3Client s3 = aws.s3(region);
        s3.createBucket(r -> {
            r.bucket(name);
            if (!"us-east-1".equals(region)) {
                r.createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.fromValue(region)));
            }
        });
        if (!tags.isEmpty()) {
            s3.putBucketTagging(r -> r.bucket(name).tagging(t -> t.tagSet(tags.entrySet().stream()
                    .map(e -> software.amazon.awssdk.services.s3.model.Tag.builder().key(e.getKey()).value(e.getValue()).build())
                    .toList())));
        }
        byte[] data = new byte[objectSize];
        for (int i = 0; i < objects; i++) {
            random.nextBytes(data);
            String key = "runs/" + (2024 + i % 3) + "/sample-" + String.format("%03d", i) + ".fastq.gz";
            s3.putObject(r -> r.bucket(name).key(key), RequestBody.fromBytes(data));
        }
        manifest.add("s3-bucket", name, region, name, who, tags);
        at(region, who, "s3.amazonaws.com", "CreateBucket", Map.of("bucketName", name, "Host", name + ".s3.amazonaws.com"), null);
    }

    // ---- spend: Cost Explorer answers, budgets, and who started the spend nothing inventoried explains ----

    /** Records a CloudTrail event at a given time (the demo's bill starts before the seeding clock). */
    interface EventSink {
        void event(String region, String who, Instant time, String source, String event, Map<String, Object> request,
                   Map<String, Object> response);
    }

    private void seedSpend() {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        DemoSpend.trailEvents((region, who, time, source, event, request, response) ->
                trail.event(identities.get(who), time, region, source, event, request, response), today);
        DemoSpend.seed(aws, today);
        manifest.note("spendMonths", String.valueOf(DemoSpend.MONTHS));
    }

    // ---- CloudTrail -----------------------------------------------------------------------------

    private void seedTrails() {
        // The lab's trail covers every region; an old single-region trail was left behind, not logging.
        aws.s3("us-east-1").putBucketPolicy(b -> b.bucket(TRAIL_BUCKET).policy(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"AWSCloudTrailWrite\",\"Effect\":\"Allow\","
                        + "\"Principal\":{\"Service\":\"cloudtrail.amazonaws.com\"},\"Action\":\"s3:PutObject\","
                        + "\"Resource\":\"arn:aws:s3:::" + TRAIL_BUCKET + "/AWSLogs/" + ACCOUNT + "/*\"}]}"));
        aws.cloudTrail("us-east-1").createTrail(b -> b.name("lab-trail").s3BucketName(TRAIL_BUCKET).isMultiRegionTrail(true));
        aws.cloudTrail("us-east-1").startLogging(b -> b.name("lab-trail"));
        aws.cloudTrail("eu-west-1").createTrail(b -> b.name("old-trail").s3BucketName(TRAIL_BUCKET).isMultiRegionTrail(false));
        int files = trail.writeTo(aws.s3("us-east-1"), TRAIL_BUCKET);
        manifest.note("trailLogFiles", String.valueOf(files));
    }

    // ---- helpers --------------------------------------------------------------------------------

    private void at(String region, String who, String source, String event, Map<String, Object> request,
                    Map<String, Object> response) {
        clock = clock.plusSeconds(37 + random.nextInt(120));
        trail.event(identities.get(who), clock, region, source, event, request, response);
    }

    private Ec2Client ec2(String region) {
        return aws.ec2(region);
    }

    private static Map<String, String> tags(String owner, String project, String task) {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("Email", PEOPLE.get(owner));
        t.put("Owner", owner);
        t.put("Project", project);
        if (task != null) t.put("Task", task);
        return t;
    }

    private static Map<String, String> onlyOwner(String owner) {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("Owner", owner);
        return t;
    }

    private static Map<String, String> without(Map<String, String> tags, String key) {
        Map<String, String> t = new LinkedHashMap<>(tags);
        t.remove(key);
        return t;
    }

    private static Map<String, String> named(String name, Map<String, String> tags) {
        Map<String, String> t = new LinkedHashMap<>();
        if (name != null) t.put("Name", name);
        t.putAll(tags);
        return t;
    }

    private static TagSpecification tagSpec(ResourceType type, Map<String, String> tags) {
        return TagSpecification.builder().resourceType(type)
                .tags(tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList())
                .build();
    }

    private static Map<String, String> orderedMap(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return java.util.Collections.unmodifiableMap(m);
    }
}
