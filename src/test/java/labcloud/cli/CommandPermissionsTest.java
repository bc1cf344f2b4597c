package labcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import labcloud.core.Environment;
import labcloud.demo.DemoAccount;
import labcloud.iam.IamPolicyCatalog;
import labcloud.testing.CliResult;
import labcloud.testing.FaultProxy;
import labcloud.testing.Moto;
import labcloud.testing.RecordedActions;
import labcloud.testing.S3RestActions;
import labcloud.testing.TestLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each command's IAM policy file against what the command really calls, in the spirit of Cloud
 * Custodian's permission tests: the commands run against moto on a seeded lab account while every
 * AWS call is recorded (SDK calls by an interceptor, the hand-made S3 data path from the requests
 * on the wire), and each recorded action must be in the command's iam/&lt;command&gt;.json, and
 * each listed action must have been needed, or be in {@link #UNREACHABLE} with the reason.
 */
@ExtendWith(Moto.class)
class CommandPermissionsTest {
    /**
     * Actions a command needs only in situations moto cannot produce here, per command file. Each
     * says why; everything else listed must show up in the recording.
     */
    private static final Map<String, Set<String>> UNREACHABLE = Map.of(
            // DescribeRegions: only for --regions all, which on the emulator means every region of AWS
            // (minutes); GetBucketLocation: only for stores whose ListBuckets gives no BucketRegion
            "inventory", Set.of("ec2:DescribeRegions", "s3:GetBucketLocation"),
            // a resumed or failed multipart upload: the run here completes in one go
            "cp", Set.of("s3:AbortMultipartUpload", "s3:ListMultipartUploadParts",
                    // asked only when a bucket answers 403 to learn whether it is requester-pays
                    "s3:GetBucketRequestPayment"),
            // LookupEvents is not implemented by moto (the trail is read from its log files instead)
            "trail", Set.of("cloudtrail:LookupEvents"),
            "audit", Set.of("cloudtrail:LookupEvents", "ec2:DescribeRegions", "s3:GetBucketLocation"),
            // the inventory's and the trail's (above); cost reads only the resource types that cost money, no IAM
            "cost", Set.of("cloudtrail:LookupEvents", "ec2:DescribeRegions", "s3:GetBucketLocation"),
            // the inventory's: budget set reads it for the project's usual Email tag
            "budget set", Set.of("ec2:DescribeRegions", "s3:GetBucketLocation"),
            // the Delete*/Terminate calls undo a launch that failed part-way; ec2:CreateTags and
            // cloudwatch:TagResource authorise tagging at creation (TagSpecifications, PutMetricAlarm's
            // Tags) and are no calls of their own
            "machine launch", Set.of("ec2:DeleteKeyPair", "ec2:DeleteSecurityGroup", "ec2:TerminateInstances",
                    "cloudwatch:DeleteAlarms", "ec2:CreateTags", "cloudwatch:TagResource"),
            "machine list", Set.of("ec2:DescribeRegions"));

    @Test
    void everyCommandCallsExactlyWhatItsPolicyAllows(TestLab lab) throws Exception {
        DemoAccount.seed(lab.aws());
        lab.aws().s3("us-east-1").createBucket(b -> b.bucket("perm-test"));
        Path local = Files.createDirectories(lab.home().resolve("data"));
        Files.writeString(local.resolve("a.txt"), "hello");
        Path back = lab.home().resolve("back.txt");
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
        labcloud.testing.CheckIpStub checkIp = labcloud.testing.CheckIpStub.standard();
        lab.vars().put("LABCLOUD_CHECKIP_URL", checkIp.url());

        IamPolicyCatalog catalog = IamPolicyCatalog.load();
        List<String> problems = new ArrayList<>();
        try (FaultProxy wire = new FaultProxy(lab.moto().endpoint())) {
            wire.rule(r -> {
                if ("s3".equals(service(r.authorization()))) {
                    String action = S3RestActions.of(r.method(), r.path(), r.query());
                    if (action != null) RecordedActions.add(action);
                }
                return FaultProxy.Fault.NONE;
            });
            Map<String, String> vars = new HashMap<>(lab.vars());
            vars.put("AWS_ENDPOINT_URL", wire.endpoint().toString());
            Environment env = Environment.of(vars);
            for (var run : runs.entrySet()) {
                RecordedActions.start();
                for (String[] args : run.getValue()) {
                    CliResult r = CliResult.run(env, args);
                    assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r).isIn(0, 1);
                }
                Set<String> called = RecordedActions.stop();
                Set<String> declared = new TreeSet<>(catalog.find(run.getKey()).actions());
                Set<String> missing = new TreeSet<>(called);
                missing.removeAll(declared);
                Set<String> unneeded = new TreeSet<>(declared);
                unneeded.removeAll(called);
                unneeded.removeAll(UNREACHABLE.getOrDefault(run.getKey(), Set.of()));
                if (!missing.isEmpty()) problems.add(run.getKey() + ": called but not in its policy: " + missing);
                if (!unneeded.isEmpty()) problems.add(run.getKey() + ": in its policy but never called: " + unneeded);
                assertThat(called).as(run.getKey() + " made AWS calls").isNotEmpty();
            }
        } finally {
            RecordedActions.stop();
            checkIp.close();
        }
        assertThat(problems).isEmpty();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The service in a SigV4 credential scope (".../20260101/us-east-1/s3/aws4_request"). */
    private static String service(String authorization) {
        if (authorization == null) return null;
        int i = authorization.indexOf("Credential=");
        if (i < 0) return null;
        String[] scope = authorization.substring(i + 11).split(",")[0].split("/");
        return scope.length > 3 ? scope[3] : null;
    }
}
