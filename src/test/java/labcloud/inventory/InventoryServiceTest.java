package labcloud.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import labcloud.aws.AwsContext;
import labcloud.aws.AwsSettings;
import labcloud.core.Environment;
import labcloud.demo.DemoAccount;
import labcloud.demo.DemoManifest;
import labcloud.testing.AwsCli;
import labcloud.testing.FaultProxy;
import labcloud.testing.Moto;
import labcloud.testing.TestLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.model.CreateBucketConfiguration;

/**
 * The inventory of the seeded demo account compared, type by type and field by field, with what
 * the real AWS CLI returns for the same moto account.
 */
@ExtendWith(Moto.class)
class InventoryServiceTest {
    @Test
    void everyTypeMatchesWhatTheAwsCliSees(TestLab lab) throws Exception {
        DemoManifest seeded = DemoAccount.seed(lab.aws());
        lab.aws().s3("us-east-1").putPublicAccessBlock(b -> b.bucket("lab-datasets").publicAccessBlockConfiguration(
                c -> c.blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(true).restrictPublicBuckets(true)));
        lab.aws().s3("us-east-1").putBucketVersioning(b -> b.bucket("lab-datasets").versioningConfiguration(v -> v.status("Enabled")));

        Inventory inv = InventoryService.collect(lab.aws(), InventoryOptions.all(DemoAccount.REGIONS));
        assertThat(inv.errors()).isEmpty();
        assertThat(inv.account()).isEqualTo(DemoAccount.ACCOUNT);
        assertThat(inv.regions()).containsExactlyElementsOf(DemoAccount.REGIONS);

        // What the aws CLI says. Each call starts a Python process, so the CLI is asked about the
        // regions where the demo put each type (run in parallel); every other region is checked
        // against the seed manifest.
        Map<String, List<String>> cliRegions = Map.of(
                Resource.EC2_INSTANCE, List.of("us-east-1", "us-west-2"), Resource.EBS_VOLUME, List.of("us-east-1", "us-west-2"),
                Resource.EBS_SNAPSHOT, List.of("us-east-1", "eu-central-1"), Resource.ELASTIC_IP, List.of("us-east-1", "ap-southeast-2"),
                Resource.EFS_FILESYSTEM, List.of("us-east-1", "eu-west-1"));
        Map<String, List<String>> cliCommand = Map.of(
                Resource.EC2_INSTANCE, List.of("ec2", "describe-instances"), Resource.EBS_VOLUME, List.of("ec2", "describe-volumes"),
                Resource.EBS_SNAPSHOT, List.of("ec2", "describe-snapshots", "--owner-ids", "self"),
                Resource.ELASTIC_IP, List.of("ec2", "describe-addresses"), Resource.EFS_FILESYSTEM, List.of("efs", "describe-file-systems"));
        Map<String, Callable<JsonNode>> calls = new TreeMap<>();
        cliRegions.forEach((type, regions) -> regions.forEach(r -> {
            List<String> args = new ArrayList<>(cliCommand.get(type));
            args.addAll(List.of("--region", r));
            calls.put(type + " " + r, () -> AwsCli.json(lab, args.toArray(String[]::new)));
        }));
        calls.put("buckets", () -> AwsCli.json(lab, "s3api", "list-buckets"));
        calls.put("users", () -> AwsCli.json(lab, "iam", "list-users"));
        calls.put("report", () -> AwsCli.json(lab, "iam", "get-credential-report"));
        for (String u : List.of("bob", "dave")) {
            calls.put("keys " + u, () -> AwsCli.json(lab, "iam", "list-access-keys", "--user-name", u));
        }
        for (String b : List.of("lab-scratch", "lab-public-share")) {
            calls.put("location " + b, () -> AwsCli.json(lab, "s3api", "get-bucket-location", "--bucket", b));
        }
        calls.put("versioning lab-datasets", () -> AwsCli.json(lab, "s3api", "get-bucket-versioning", "--bucket", "lab-datasets"));
        Map<String, JsonNode> cli = runAll(calls);

        for (String region : DemoAccount.REGIONS) {
            for (String type : cliRegions.keySet()) {
                Set<String> expected = seeded.ofType(type).stream().filter(x -> x.region().equals(region))
                        .map(DemoManifest.Seeded::id).collect(Collectors.toSet());
                assertThat(byId(inv, type, region).keySet()).as(type + " " + region).isEqualTo(expected);
            }
        }
        for (String region : cliRegions.get(Resource.EC2_INSTANCE)) {
            // EC2 instances
            Map<String, JsonNode> instances = new HashMap<>();
            for (JsonNode res : cli.get(Resource.EC2_INSTANCE + " " + region).path("Reservations")) {
                for (JsonNode i : res.path("Instances")) instances.put(i.path("InstanceId").asText(), i);
            }
            Map<String, Resource> mine = byId(inv, Resource.EC2_INSTANCE, region);
            assertThat(mine.keySet()).as(region).isEqualTo(instances.keySet());
            for (var e : instances.entrySet()) {
                JsonNode i = e.getValue();
                Resource r = mine.get(e.getKey());
                assertThat(r.state()).isEqualTo(i.path("State").path("Name").asText());
                assertThat(r.details().get("instanceType")).isEqualTo(i.path("InstanceType").asText());
                assertThat(r.details().get("keyName")).isEqualTo(i.path("KeyName").asText());
                assertThat(r.details().get("imageId")).isEqualTo(i.path("ImageId").asText());
                assertThat(r.details().get("privateIp")).isEqualTo(i.path("PrivateIpAddress").asText(null));
                assertThat(r.details().get("publicIp")).isEqualTo(i.path("PublicIpAddress").asText(null));
                assertThat(r.details().get("launchTime")).isEqualTo(Instant.parse(i.path("LaunchTime").asText().replace("+00:00", "Z")));
                assertThat(r.tags()).isEqualTo(tags(i.path("Tags")));
                if (r.state().equals("running")) assertThat((Double) r.details().get("uptimeHours")).isGreaterThanOrEqualTo(0.0);
            }
            // EBS volumes
            Map<String, JsonNode> volumes = index(cli.get(Resource.EBS_VOLUME + " " + region).path("Volumes"), "VolumeId");
            Map<String, Resource> myVolumes = byId(inv, Resource.EBS_VOLUME, region);
            assertThat(myVolumes.keySet()).as(region).isEqualTo(volumes.keySet());
            for (var e : volumes.entrySet()) {
                JsonNode v = e.getValue();
                Resource r = myVolumes.get(e.getKey());
                assertThat(r.details().get("sizeGb")).isEqualTo(v.path("Size").asInt());
                assertThat(r.details().get("volumeType")).isEqualTo(v.path("VolumeType").asText());
                assertThat(r.details().get("iops")).isEqualTo(v.has("Iops") ? v.path("Iops").asInt() : null);
                JsonNode att = v.path("Attachments").path(0);
                assertThat(r.details().get("attachedTo")).isEqualTo(att.path("InstanceId").asText(null));
                assertThat(r.details().get("attachState")).isEqualTo(att.isMissingNode() ? "detached" : att.path("State").asText());
                assertThat(r.state()).isEqualTo(v.path("State").asText());
                assertThat(r.tags()).isEqualTo(tags(v.path("Tags")));
            }
        }
        for (String region : cliRegions.get(Resource.EBS_SNAPSHOT)) {
            Map<String, JsonNode> snaps = index(cli.get(Resource.EBS_SNAPSHOT + " " + region).path("Snapshots"), "SnapshotId");
            Map<String, Resource> mySnaps = byId(inv, Resource.EBS_SNAPSHOT, region);
            assertThat(mySnaps.keySet()).as(region).isEqualTo(snaps.keySet());
            snaps.forEach((id, s) -> {
                assertThat(mySnaps.get(id).details().get("volumeId")).isEqualTo(s.path("VolumeId").asText());
                assertThat(mySnaps.get(id).details().get("sizeGb")).isEqualTo(s.path("VolumeSize").asInt());
            });
        }
        for (String region : cliRegions.get(Resource.ELASTIC_IP)) {
            Map<String, JsonNode> eips = index(cli.get(Resource.ELASTIC_IP + " " + region).path("Addresses"), "AllocationId");
            Map<String, Resource> myEips = byId(inv, Resource.ELASTIC_IP, region);
            assertThat(myEips.keySet()).as(region).isEqualTo(eips.keySet());
            eips.forEach((id, a) -> {
                Resource r = myEips.get(id);
                assertThat(r.details().get("publicIp")).isEqualTo(a.path("PublicIp").asText());
                assertThat(r.details().get("instanceId")).isEqualTo(a.path("InstanceId").asText("").isEmpty() ? null : a.path("InstanceId").asText());
                assertThat(r.details().get("associated")).isEqualTo(!a.path("AssociationId").asText("").isEmpty());
            });
        }
        for (String region : cliRegions.get(Resource.EFS_FILESYSTEM)) {
            Map<String, JsonNode> fss = index(cli.get(Resource.EFS_FILESYSTEM + " " + region).path("FileSystems"), "FileSystemId");
            Map<String, Resource> myFs = byId(inv, Resource.EFS_FILESYSTEM, region);
            assertThat(myFs.keySet()).as(region).isEqualTo(fss.keySet());
            fss.forEach((id, f) -> {
                assertThat(myFs.get(id).details().get("mountTargets")).isEqualTo(f.path("NumberOfMountTargets").asInt());
                assertThat(myFs.get(id).name()).isEqualTo(f.path("Name").asText(null));
                assertThat(myFs.get(id).tags()).isEqualTo(tags(f.path("Tags")));
            });
        }

        // S3: names and regions, versioning, the public-access block, the public bucket
        Map<String, Resource> buckets = inv.ofType(Resource.S3_BUCKET).stream()
                .collect(Collectors.toMap(Resource::id, Function.identity()));
        List<String> names = new ArrayList<>();
        cli.get("buckets").path("Buckets").forEach(b -> names.add(b.path("Name").asText()));
        assertThat(buckets.keySet()).containsExactlyInAnyOrderElementsOf(names);
        for (String b : List.of("lab-scratch", "lab-public-share")) {
            String loc = cli.get("location " + b).path("LocationConstraint").asText(null);
            assertThat(buckets.get(b).region()).as(b).isEqualTo(loc == null || loc.isEmpty() ? "us-east-1" : loc);
        }
        Resource datasets = buckets.get("lab-datasets");
        assertThat(datasets.details().get("versioning")).isEqualTo(cli.get("versioning lab-datasets").path("Status").asText());
        assertThat(datasets.details().get("publicAccessBlock")).isEqualTo(Map.of("blockPublicAcls", true,
                "ignorePublicAcls", true, "blockPublicPolicy", true, "restrictPublicBuckets", true));
        assertThat(datasets.tags()).containsEntry("Project", "genomics");
        assertThat(buckets.get("lab-public-share").details()).containsEntry("public", true).containsEntry("publicVia", "policy");
        assertThat(buckets.get("lab-scratch").details()).containsEntry("public", false).containsEntry("versioning", "Disabled");

        // IAM users and keys
        List<String> users = new ArrayList<>();
        cli.get("users").path("Users").forEach(u -> users.add(u.path("UserName").asText()));
        Map<String, Resource> myUsers = inv.ofType(Resource.IAM_USER).stream().collect(Collectors.toMap(Resource::id, Function.identity()));
        assertThat(myUsers.keySet()).containsExactlyInAnyOrderElementsOf(users);
        String report = new String(Base64.getDecoder().decode(cli.get("report").path("Content").asText()), StandardCharsets.UTF_8);
        for (String line : report.lines().skip(1).toList()) {
            String[] f = line.split(",");
            Resource u = myUsers.get(f[0]);
            assertThat(u.details().get("consoleAccess")).as(f[0]).isEqualTo(Boolean.parseBoolean(f[3]));
            assertThat(u.details().get("mfaActive")).as(f[0]).isEqualTo(Boolean.parseBoolean(f[7]));
        }
        assertThat(myUsers.get("alice").tags()).containsEntry("Email", "alice@lab.example.org");
        Map<String, Resource> myKeys = inv.ofType(Resource.IAM_ACCESS_KEY).stream()
                .collect(Collectors.toMap(Resource::id, Function.identity()));
        int keyCount = 0;
        for (String u : List.of("bob", "dave")) {
            for (JsonNode k : cli.get("keys " + u).path("AccessKeyMetadata")) {
                keyCount++;
                Resource r = myKeys.get(k.path("AccessKeyId").asText());
                assertThat(r).as(k.toString()).isNotNull();
                assertThat(r.details().get("userName")).isEqualTo(u);
                assertThat(r.details().get("status")).isEqualTo(k.path("Status").asText());
                assertThat(r.details().get("ageDays")).isEqualTo(0L);
            }
        }
        assertThat(keyCount).isEqualTo(4);
        // alice, carol and erin have one key each
        assertThat(myKeys).hasSize(keyCount + 3);
        assertThat(myUsers.get("bob").details()).containsEntry("accessKeys", 2).containsEntry("activeAccessKeys", 2);
        assertThat(myUsers.get("dave").details()).containsEntry("activeAccessKeys", 1);

        // Costs, hand computed from the bundled catalog
        Resource jupyter = byName(inv, "jupyter-alice");
        assertThat(jupyter.monthlyCost()).isCloseTo(0.0416 * 730, within(1e-9));
        assertThat(byName(inv, "gpu-carol").monthlyCost()).isZero();           // stopped
        assertThat(byName(inv, "scratch-500g").monthlyCost()).isCloseTo(40.0, within(1e-9)); // 500 GB gp3 x 0.08
        assertThat(byName(inv, "old-analysis-ip").monthlyCost()).isCloseTo(3.65, within(1e-9)); // 730 h x 0.005
        assertThat(datasets.monthlyCost()).as("no CloudWatch metrics, no --deep: unknown").isNull();
        assertThat(inv.resources().size()).isGreaterThanOrEqualTo(seeded.resources().size());
    }

    @Test
    void asOfAgesKeysAndBucketSizesComeFromCloudWatchOrListing(TestLab lab) {
        var iam = lab.aws().iam();
        iam.createUser(b -> b.userName("zoe"));
        iam.createAccessKey(b -> b.userName("zoe"));
        var s3 = lab.aws().s3("us-east-1");
        s3.createBucket(b -> b.bucket("measured"));
        s3.createBucket(b -> b.bucket("unmeasured"));
        for (int i = 0; i < 3; i++) {
            int n = i;
            s3.putObject(b -> b.bucket("unmeasured").key("k" + n), software.amazon.awssdk.core.sync.RequestBody.fromString("x".repeat(1000)));
        }
        // S3 publishes these daily; moto holds whatever is put into the AWS/S3 namespace
        long bytes = 2048L << 30;
        lab.aws().cloudWatch("us-east-1").putMetricData(b -> b.namespace("AWS/S3").metricData(
                md -> md.metricName("BucketSizeBytes").value((double) bytes).timestamp(Instant.now().minusSeconds(3600))
                        .dimensions(d -> d.name("BucketName").value("measured"), d -> d.name("StorageType").value("StandardStorage")),
                md -> md.metricName("NumberOfObjects").value(12345.0).timestamp(Instant.now().minusSeconds(3600))
                        .dimensions(d -> d.name("BucketName").value("measured"), d -> d.name("StorageType").value("AllStorageTypes"))));

        Instant later = Instant.now().plus(java.time.Duration.ofDays(120));
        Inventory inv = InventoryService.collect(lab.aws(), new InventoryOptions(List.of("us-east-1"),
                Set.of(Resource.S3_BUCKET, Resource.IAM_ACCESS_KEY), true, later));
        assertThat(inv.errors()).isEmpty();
        assertThat(inv.ofType(Resource.IAM_ACCESS_KEY)).singleElement()
                .satisfies(k -> assertThat(k.details()).containsEntry("ageDays", 120L).containsEntry("userName", "zoe"));
        Resource measured = inv.ofType(Resource.S3_BUCKET).stream().filter(b -> b.id().equals("measured")).findFirst().orElseThrow();
        assertThat(measured.details()).containsEntry("sizeBytes", bytes).containsEntry("objectCount", 12345L)
                .containsEntry("sizeSource", "cloudwatch");
        assertThat(measured.monthlyCost()).isCloseTo(2048 * 0.023, within(1e-9));
        Resource listed = inv.ofType(Resource.S3_BUCKET).stream().filter(b -> b.id().equals("unmeasured")).findFirst().orElseThrow();
        assertThat(listed.details()).containsEntry("sizeBytes", 3000L).containsEntry("objectCount", 3L)
                .containsEntry("sizeSource", "listing");
        assertThat(listed.monthlyCost()).isNotNull();
    }

    @Test
    void aPublicAccessBlockNeutralisesPublicPoliciesAndAcls(TestLab lab) {
        var s3 = lab.aws().s3("us-east-1");
        String anyoneMayRead = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::%s/*\"}]}";
        for (String b : List.of("open-policy", "blocked-policy", "open-acl", "blocked-acl")) {
            s3.createBucket(r -> r.bucket(b));
            if (b.endsWith("policy")) s3.putBucketPolicy(r -> r.bucket(b).policy(anyoneMayRead.formatted(b)));
            else s3.putBucketAcl(r -> r.bucket(b).acl(software.amazon.awssdk.services.s3.model.BucketCannedACL.PUBLIC_READ));
        }
        s3.putPublicAccessBlock(r -> r.bucket("blocked-policy").publicAccessBlockConfiguration(c -> c.restrictPublicBuckets(true)));
        s3.putPublicAccessBlock(r -> r.bucket("blocked-acl").publicAccessBlockConfiguration(c -> c.ignorePublicAcls(true)));

        Inventory inv = InventoryService.collect(lab.aws(), new InventoryOptions(List.of("us-east-1"),
                Set.of(Resource.S3_BUCKET), false, Instant.now()));
        assertThat(inv.errors()).isEmpty();
        Map<String, Map<String, Object>> d = inv.ofType(Resource.S3_BUCKET).stream()
                .collect(Collectors.toMap(Resource::id, Resource::details));
        assertThat(d.get("open-policy")).containsEntry("public", true).containsEntry("publicVia", "policy");
        assertThat(d.get("open-acl")).containsEntry("public", true).containsEntry("publicVia", "acl");
        assertThat(d.get("blocked-policy")).containsEntry("public", false);
        assertThat(d.get("blocked-acl")).containsEntry("public", false);
    }

    @Test
    void bucketRegionsComeFromListingsFilteredByRegionNotACallPerBucket(TestLab lab) throws Exception {
        // moto's ListBuckets leaves BucketRegion out (AWS fills it) but honours the bucket-region filter
        Map<String, String> regionOf = new TreeMap<>();
        for (String r : List.of("us-east-1", "eu-west-1", "ap-south-1")) {
            for (int i = 0; i < 2; i++) {
                String name = "placed-" + r + "-" + i;
                regionOf.put(name, r);
                lab.aws().s3(r).createBucket(b -> b.bucket(name).createBucketConfiguration(
                        r.equals("us-east-1") ? null : CreateBucketConfiguration.builder().locationConstraint(r).build()));
            }
        }
        // one bucket has storage metrics: its size is read alongside, whichever way its region was found
        lab.aws().cloudWatch("eu-west-1").putMetricData(b -> b.namespace("AWS/S3").metricData(
                md -> md.metricName("BucketSizeBytes").value(5e9).timestamp(Instant.now().minusSeconds(3600))
                        .dimensions(d -> d.name("BucketName").value("placed-eu-west-1-0"), d -> d.name("StorageType").value("StandardStorage"))));
        AtomicInteger locations = new AtomicInteger();
        AtomicBoolean ignoreFilter = new AtomicBoolean();
        try (FaultProxy proxy = new FaultProxy(lab.moto().endpoint())) {
            proxy.rule(req -> {
                if ("location".equals(req.query())) locations.incrementAndGet();
                // a store that ignores the filter: every filtered listing lists every bucket
                return ignoreFilter.get() && req.query() != null && req.query().contains("bucket-region=")
                        ? new FaultProxy.Fault.Requery("max-buckets=1000") : FaultProxy.Fault.NONE;
            });
            Map<String, String> v = new HashMap<>(lab.vars());
            v.put("AWS_ENDPOINT_URL", proxy.endpoint().toString());
            for (boolean ignored : List.of(false, true)) {
                ignoreFilter.set(ignored);
                for (List<String> regions : List.of(List.of("us-east-1", "eu-west-1"), List.of("eu-west-1"))) {
                    locations.set(0);
                    try (AwsContext aws = new AwsContext(AwsSettings.defaults(), Environment.of(v))) {
                        Inventory inv = InventoryService.collect(aws, new InventoryOptions(regions, Set.of(Resource.S3_BUCKET),
                                false, Instant.now()));
                        assertThat(inv.errors()).isEmpty();
                        Map<String, String> expected = new TreeMap<>(regionOf);
                        expected.values().removeIf(r -> !regions.contains(r));
                        assertThat(inv.ofType(Resource.S3_BUCKET).stream().collect(Collectors.toMap(Resource::id, Resource::region)))
                                .as("filter ignored: %s, regions %s", ignored, regions).isEqualTo(expected);
                        assertThat(inv.ofType(Resource.S3_BUCKET).stream().filter(r -> r.id().equals("placed-eu-west-1-0"))
                                .findFirst().orElseThrow().details()).containsEntry("sizeBytes", 5_000_000_000L)
                                .containsEntry("sizeSource", "cloudwatch");
                        // honoured: no GetBucketLocation; ignored: every bucket is asked
                        assertThat(locations.get()).as("filter ignored: %s, regions %s", ignored, regions)
                                .isEqualTo(ignored ? regionOf.size() : 0);
                    }
                }
            }
        }
    }

    private static Resource byName(Inventory inv, String name) {
        return inv.resources().stream().filter(r -> name.equals(r.name())).findFirst().orElseThrow();
    }

    private static Map<String, Resource> byId(Inventory inv, String type, String region) {
        return inv.ofType(type).stream().filter(r -> r.region().equals(region))
                .collect(Collectors.toMap(Resource::id, Function.identity()));
    }

    private static Map<String, JsonNode> index(JsonNode array, String idField) {
        Map<String, JsonNode> m = new HashMap<>();
        array.forEach(n -> m.put(n.path(idField).asText(), n));
        return m;
    }

    private static Map<String, String> tags(JsonNode tags) {
        Map<String, String> m = new TreeMap<>();
        tags.forEach(t -> m.put(t.path("Key").asText(), t.path("Value").asText()));
        return m;
    }

    private static Map<String, JsonNode> runAll(Map<String, Callable<JsonNode>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Map<String, Future<JsonNode>> futures = new TreeMap<>();
            calls.forEach((k, c) -> futures.put(k, pool.submit(c)));
            Map<String, JsonNode> out = new HashMap<>();
            for (var e : futures.entrySet()) out.put(e.getKey(), e.getValue().get());
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
