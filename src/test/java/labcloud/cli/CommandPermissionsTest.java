package labcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import labcloud.core.Json;
import labcloud.demo.DemoAccount;
import labcloud.demo.TrailLogWriter;
import labcloud.testing.DashboardUnderTest;
import labcloud.testing.Moto;
import labcloud.testing.PolicyCheck;
import labcloud.testing.TestLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.iam.model.AccessKey;

/**
 * Each command's IAM policy file against what the command really calls, in the spirit of Cloud
 * Custodian's permission tests: the commands run against moto on a seeded lab account while every
 * AWS call is recorded ({@link PolicyCheck}), and each recorded action must be in the command's
 * iam/&lt;command&gt;.json, and each listed action must have been needed, or be in
 * {@link #UNREACHABLE} with the reason. The dashboard is started as a user starts it and checked
 * over the refresh it runs on start.
 */
@ExtendWith(Moto.class)
class CommandPermissionsTest {
    /**
     * Actions a command needs only in situations moto cannot produce here, per command file. Each
     * says why; everything else listed must show up in the recording.
     */
    private static final Map<String, Set<String>> UNREACHABLE = Map.ofEntries(
            // DescribeRegions: only for --regions all, which on the emulator means every region of AWS
            // (minutes); GetBucketLocation: only for stores whose ListBuckets gives no BucketRegion
            Map.entry("inventory", Set.of("ec2:DescribeRegions", "s3:GetBucketLocation")),
            // a resumed or failed multipart upload: the run here completes in one go; GetBucketRequestPayment
            // is asked only when a bucket answers 403 to learn whether it is requester-pays
            Map.entry("cp", Set.of("s3:AbortMultipartUpload", "s3:ListMultipartUploadParts", "s3:GetBucketRequestPayment")),
            Map.entry("sync", Set.of("s3:AbortMultipartUpload", "s3:ListMultipartUploadParts", "s3:GetBucketRequestPayment")),
            // LookupEvents is not implemented by moto (the trail is read from its log files instead)
            Map.entry("trail", Set.of("cloudtrail:LookupEvents")),
            Map.entry("audit", Set.of("cloudtrail:LookupEvents", "ec2:DescribeRegions", "s3:GetBucketLocation")),
            // the inventory's and the trail's (above); cost reads only the resource types that cost money, no IAM
            Map.entry("cost", Set.of("cloudtrail:LookupEvents", "ec2:DescribeRegions", "s3:GetBucketLocation")),
            // the inventory's: budget set reads it for the project's usual Email tag
            Map.entry("budget set", Set.of("ec2:DescribeRegions", "s3:GetBucketLocation")),
            // the Delete*/Terminate calls undo a launch that failed part-way; ec2:CreateTags and
            // cloudwatch:TagResource authorise tagging at creation (TagSpecifications, PutMetricAlarm's
            // Tags) and are no calls of their own
            Map.entry("machine launch", Set.of("ec2:DeleteKeyPair", "ec2:DeleteSecurityGroup", "ec2:TerminateInstances",
                    "cloudwatch:DeleteAlarms", "ec2:CreateTags", "cloudwatch:TagResource")),
            Map.entry("machine list", Set.of("ec2:DescribeRegions")),
            // the inventory's (tag reads no access keys, so needs no iam:ListAccessKeys)
            Map.entry("tag set", Set.of("ec2:DescribeRegions", "s3:GetBucketLocation")),
            // the inventory's and the trail's
            Map.entry("tag fix", Set.of("ec2:DescribeRegions", "cloudtrail:LookupEvents")),
            // the trail's: the refresh reads CloudTrail from the trail's log files in S3 on moto; with its
            // default regions (all) it does call DescribeRegions, so that one is checked
            Map.entry("dashboard", Set.of("cloudtrail:LookupEvents")));

    @Test
    void everyCommandCallsExactlyWhatItsPolicyAllows(TestLab lab) throws Exception {
        DemoAccount.seed(lab.aws());
        lab.aws().s3("us-east-1").createBucket(b -> b.bucket("perm-test"));
        Path local = Files.createDirectories(lab.home().resolve("data"));
        Files.writeString(local.resolve("a.txt"), "hello");
        Path back = lab.home().resolve("back.txt");
        Path syncSrc = Files.createDirectories(lab.home().resolve("sync/sub"));
        Files.writeString(syncSrc.resolve("b.txt"), "b");
        syncSrc = syncSrc.getParent();
        Files.writeString(syncSrc.resolve("c.txt"), "c");
        String regions = "us-east-1,eu-west-1";

        Map<String, List<String[]>> runs = new java.util.LinkedHashMap<>();
        runs.put("inventory", List.<String[]>of(new String[] {"inventory", "--regions", regions}));
        // cost before audit: the audit reads the stored spend report and then asks AWS Budgets which projects have one
        runs.put("cost", List.<String[]>of(new String[] {"cost", "--regions", regions}));
        runs.put("audit", List.<String[]>of(new String[] {"audit", "--regions", regions, "--fail-on", "none"}));
        runs.put("budget set", List.<String[]>of(new String[] {"budget", "set", "--project", "climate", "--monthly", "100",
                "--regions", regions, "--apply"}, new String[] {"budget", "set", "--project", "climate", "--monthly", "120",
                "--email", "pi@lab.example.org", "--apply"}));
        runs.put("budget list", List.<String[]>of(new String[] {"budget", "list"}));
        runs.put("budget remove", List.<String[]>of(new String[] {"budget", "remove", "--project", "climate", "--apply"}));
        runs.put("trail", List.<String[]>of(new String[] {"trail", "--since", "30d"}));
        runs.put("creds whoami", List.<String[]>of(new String[] {"creds", "whoami"}));
        runs.put("ls", List.of(new String[] {"ls"}, new String[] {"ls", "s3://perm-test/"}));
        runs.put("du", List.<String[]>of(new String[] {"du", "s3://perm-test"}));
        runs.put("cp", List.of(new String[] {"cp", local.resolve("a.txt").toString(), "s3://perm-test/a.txt"},
                new String[] {"cp", "s3://perm-test/a.txt", back.toString()},
                new String[] {"cp", "--recursive", "s3://perm-test/", lab.home().resolve("tree").toString()}));
        runs.put("rm", List.of(new String[] {"rm", "s3://perm-test/a.txt", "--apply"},
                new String[] {"rm", "--recursive", "s3://perm-test/", "--apply"}));

        // labcloud machine: a launch that asks IAM for Owner/Email, one that imports a key, then the lifecycle
        Path keys = Files.createDirectories(lab.home().resolve("keys"));
        assertThat(new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", keys.resolve("id").toString())
                .start().waitFor()).isZero();
        String[] tags = {"--project", "genomics", "--task", "perm"};
        runs.put("machine launch", List.of(concat(new String[] {"machine", "launch", "pm", "--type", "t3.medium", "--force", "--apply"}, tags),
                concat(new String[] {"machine", "launch", "pk", "--type", "t3.small", "--owner", "alice", "--email", "alice@lab.example.org",
                        "--public-key", keys.resolve("id.pub").toString(), "--apply"}, tags)));
        runs.put("machine list", List.<String[]>of(new String[] {"machine", "list", "--regions", "us-east-1"}));
        runs.put("machine ssh-config", List.<String[]>of(new String[] {"machine", "ssh-config"}));
        runs.put("machine hold", List.of(new String[] {"machine", "hold", "pm", "3h"}, new String[] {"machine", "hold", "pm", "0"}));
        runs.put("machine stop", List.<String[]>of(new String[] {"machine", "stop", "pm"}));
        runs.put("machine start", List.<String[]>of(new String[] {"machine", "start", "pm"}));
        runs.put("machine resize", List.<String[]>of(new String[] {"machine", "resize", "pm", "--type", "t3.large", "--apply"}));
        runs.put("machine terminate", List.of(new String[] {"machine", "terminate", "pm", "--apply"},
                new String[] {"machine", "terminate", "pk", "--keep-disk", "--apply"}));
        runs.put("sync", List.of(new String[] {"sync", syncSrc.toString(), "s3://perm-test/synced/"},
                new String[] {"sync", "s3://perm-test/synced/", lab.home().resolve("synced").toString()},
                new String[] {"sync", "--delete", syncSrc.resolve("sub").toString(), "s3://perm-test/synced/"}));
        runs.put("cleanup", List.<String[]>of(new String[] {"cleanup", "--older-than", "0s", "--apply"}));
        labcloud.testing.CheckIpStub checkIp = labcloud.testing.CheckIpStub.standard();
        lab.vars().put("LABCLOUD_CHECKIP_URL", checkIp.url());

        try (PolicyCheck check = new PolicyCheck(lab, UNREACHABLE)) {
            for (var run : runs.entrySet()) {
                if (run.getKey().equals("cleanup")) {
                    lab.aws().s3("us-east-1").createMultipartUpload(b -> b.bucket("perm-test").key("half/done.bin"));
                }
                check.run(run.getKey(), run.getValue());
            }
            // the dashboard's calls are its scheduled refresh, which it starts as soon as it serves
            check.record("dashboard", () -> DashboardUnderTest.refreshOnce(check.env()));
            // last, as they change the tags the other commands read: Owner/Email from the trail, then Task where missing
            // users get Owner only under a lab policy that requires tags on them, and from their CreateUser event
            logUserCreation(lab, "alice", "dave");
            Path policy = Files.writeString(lab.home().resolve("users-tagged.yaml"), "rules:\n  required-tags:\n"
                    + "    resourceTypes: [ec2-instance, ebs-volume, ebs-snapshot, efs-filesystem, s3-bucket, elastic-ip, iam-user]\n");
            check.run("tag fix", List.<String[]>of(new String[] {"tag", "fix", "--from-trail", "--policy", policy.toString(),
                    "--regions", regions, "--apply"}));
            assertThat(lab.aws().iam().listUserTags(b -> b.userName("dave")).tags())
                    .anyMatch(t -> t.key().equals("Owner") && t.value().equals("alice"));
            check.run("tag set", List.<String[]>of(new String[] {"tag", "set", "--filter", "tag:Task=", "Task=perm",
                    "--regions", regions, "--apply"}));
            assertThat(check.problems()).isEmpty();
        } finally {
            checkIp.close();
        }
    }

    @Test
    void credsCommandsCallExactlyWhatTheirPoliciesAllow(TestLab lab) throws Exception {
        var iam = lab.aws().iam();
        iam.createUser(b -> b.userName("alice"));
        AccessKey key = iam.createAccessKey(b -> b.userName("alice")).accessKey();
        String serial = iam.createVirtualMFADevice(b -> b.virtualMFADeviceName("alice-phone")).virtualMFADevice().serialNumber();
        iam.enableMFADevice(b -> b.userName("alice").serialNumber(serial).authenticationCode1("123456").authenticationCode2("654321"));
        Files.writeString(Files.createDirectories(lab.home().resolve(".aws")).resolve("credentials"),
                "[alice]\naws_access_key_id = " + key.accessKeyId() + "\naws_secret_access_key = " + key.secretAccessKey() + "\n");
        try (PolicyCheck check = new PolicyCheck(lab, UNREACHABLE)) {
            check.run("creds doctor", List.<String[]>of(new String[] {"--profile", "alice", "creds", "doctor", "--dir", lab.home().toString()}));
            // one key: create, deactivate the old one; then two: delete the other, create, delete the old one
            check.run("creds rotate", List.of(new String[] {"--profile", "alice", "creds", "rotate", "--apply"},
                    new String[] {"--profile", "alice", "creds", "rotate", "--delete-other-key", "--delete-old", "--apply"}));
            // no --serial: the device is found through the user's identity and ListMFADevices; moto emulates
            // virtual MFA devices and GetSessionToken (it accepts any 6-digit code), so all three calls are real ones
            check.run("creds mfa", List.<String[]>of(new String[] {"--profile", "alice", "creds", "mfa", "--code", "123456"}));
            assertThat(check.problems()).isEmpty();
        }
        assertThat(iam.listAccessKeys(b -> b.userName("alice")).accessKeyMetadata()).hasSize(1)
                .noneMatch(k -> k.accessKeyId().equals(key.accessKeyId()));
    }

    /** CloudTrail's record of {@code creator} creating IAM user {@code user}, in a log file of its own in the demo's trail bucket. */
    private static void logUserCreation(TestLab lab, String creator, String user) throws Exception {
        Instant at = Instant.now().minusSeconds(60);
        String account = DemoAccount.ACCOUNT;
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.putArray("Records").add(new TrailLogWriter(account).event(TrailLogWriter.Identity.user(account, creator,
                "AIDAPERMISSIONSTEST", null), at, "us-east-1", "iam.amazonaws.com", "CreateUser", Map.of("userName", user),
                Map.of("user", Map.of("userName", user))));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(doc.toString().getBytes(StandardCharsets.UTF_8));
        }
        String key = "AWSLogs/" + account + "/CloudTrail/us-east-1/"
                + DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC).format(at) + "/" + account
                + "_CloudTrail_us-east-1_" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC).format(at)
                + "_permissionstest.json.gz";
        lab.aws().s3("us-east-1").putObject(b -> b.bucket(DemoAccount.TRAIL_BUCKET).key(key), RequestBody.fromBytes(bytes.toByteArray()));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
