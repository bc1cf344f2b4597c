package labcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import labcloud.core.Json;
import labcloud.machine.Amis;
import labcloud.testing.CheckIpStub;
import labcloud.testing.CliResult;
import labcloud.testing.Moto;
import labcloud.testing.TestLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceAttributeName;

/** machine launch against moto: the plan, what --apply makes, and bad input that makes nothing. */
@ExtendWith(Moto.class)
class MachineLaunchTest {
    static final String[] TAGS = {"--project", "genomics", "--task", "qc", "--owner", "alice", "--email", "alice@lab.example"};

    @RegisterExtension
    final CheckIpStub.PerTest stub = new CheckIpStub.PerTest();

    static CliResult launch(TestLab lab, CheckIpStub checkIp, String name, String type, String... more) {
        lab.vars().put("LABCLOUD_CHECKIP_URL", checkIp.url());
        List<String> args = new java.util.ArrayList<>(List.of("machine", "launch", name, "--type", type));
        args.addAll(List.of(TAGS));
        args.addAll(List.of(more));
        return lab.run(args.toArray(String[]::new));
    }

    static Instance instance(TestLab lab, String name) {
        return lab.aws().ec2("us-east-1").describeInstances(b -> b.filters(f -> f.name("tag:labcloud:machine").values(name),
                        f -> f.name("instance-state-name").values("pending", "running", "stopped")))
                .reservations().stream().flatMap(r -> r.instances().stream()).findFirst().orElseThrow();
    }

    static Map<String, String> tags(List<software.amazon.awssdk.services.ec2.model.Tag> tags) {
        return tags.stream().collect(Collectors.toMap(t -> t.key(), t -> t.value()));
    }

    @Test
    void planShowsTypePriceAndTagsAndCreatesNothing(TestLab lab) throws Exception {
        CliResult plan = launch(lab, stub.stub(), "lab1", "t3.medium");
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.stdout()).contains("t3.medium: 2 vCPU, 4 GiB, no GPU, x86_64", "$0.0416/hour", "$30.37/month",
                "50 GiB gp3", "genomics (flag)", "60 min unused", "your public IP /32", "SSM al2023-ami-kernel-default-x86_64");
        assertThat(plan.stderr()).contains("dry run");
        Ec2Client ec2 = lab.aws().ec2("us-east-1");
        assertThat(ec2.describeInstances().reservations()).isEmpty();
        assertThat(ec2.describeKeyPairs().keyPairs()).isEmpty();
        assertThat(Files.exists(lab.home().resolve(".ssh"))).isFalse();
    }

    @Test
    void applyLaunchesATaggedLockedDownMachineFromTheSsmAmi(TestLab lab) throws Exception {
        long t0 = System.nanoTime();
        CliResult r = launch(lab, stub.stub(), "lab1", "t3.medium", "--apply", "--output", "json");
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode doc = Json.MAPPER.readTree(r.stdout());
        System.out.printf("machine launch --apply to ready: %.2f s in-process (labcloud's own clock %.2f s)%n", seconds,
                doc.path("machine").path("readySeconds").asDouble());
        assertThat(r.stderr()).contains("ready: labcloud-lab1");

        Instance i = instance(lab, "lab1");
        String ami = lab.aws().ssm("us-east-1").getParameter(b -> b.name(Amis.parameterFor("x86_64"))).parameter().value();
        assertThat(i.imageId()).isEqualTo(ami);
        assertThat(i.instanceTypeAsString()).isEqualTo("t3.medium");
        Map<String, String> lab4 = Map.of("Project", "genomics", "Task", "qc", "Owner", "alice", "Email", "alice@lab.example");
        assertThat(tags(i.tags())).containsAllEntriesOf(lab4).containsEntry("labcloud:machine", "lab1").containsEntry("labcloud:idle-stop", "60");
        Ec2Client ec2 = lab.aws().ec2("us-east-1");
        var volumes = ec2.describeVolumes(b -> b.filters(f -> f.name("attachment.instance-id").values(i.instanceId()))).volumes();
        assertThat(volumes).hasSize(1);
        assertThat(volumes.get(0).size()).isEqualTo(50);
        assertThat(tags(volumes.get(0).tags())).containsAllEntriesOf(lab4);

        // stops itself on shutdown, metadata tags readable by the agent
        assertThat(ec2.describeInstanceAttribute(b -> b.instanceId(i.instanceId())
                .attribute(InstanceAttributeName.INSTANCE_INITIATED_SHUTDOWN_BEHAVIOR)).instanceInitiatedShutdownBehavior().value())
                .isEqualTo("stop");
        assertThat(i.metadataOptions().instanceMetadataTagsAsString()).isEqualTo("enabled");
        String userData = new String(Base64.getDecoder().decode(ec2.describeInstanceAttribute(b -> b.instanceId(i.instanceId())
                .attribute(InstanceAttributeName.USER_DATA)).userData().value()), StandardCharsets.UTF_8);
        assertThat(userData).contains("jupyter lab --no-browser --ip=127.0.0.1 --port=8888", "IDLE_MINUTES=60", "labcloud-idle.timer");

        // the security group: SSH from exactly the caller's /32, nothing else
        var sg = ec2.describeSecurityGroups(b -> b.groupIds(i.securityGroups().get(0).groupId())).securityGroups().get(0);
        assertThat(sg.ipPermissions()).hasSize(1);
        var perm = sg.ipPermissions().get(0);
        assertThat(List.of(perm.ipProtocol(), perm.fromPort(), perm.toPort())).containsExactly("tcp", 22, 22);
        assertThat(perm.ipRanges()).extracting(x -> x.cidrIp()).containsExactly(CheckIpStub.ADDRESS + "/32");
        assertThat(perm.ipv6Ranges()).isEmpty();

        // the key: a new ed25519 pair, private half only in a 0600 file, never printed
        assertThat(ec2.describeKeyPairs(b -> b.keyNames("labcloud-lab1")).keyPairs().get(0).keyTypeAsString()).isEqualTo("ed25519");
        Path key = lab.home().resolve(".ssh/labcloud/lab1.pem");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key.getParent()))).isEqualTo("rwx------");
        String pem = Files.readString(key);
        assertThat(pem).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");
        String body = pem.lines().filter(l -> !l.startsWith("-----")).collect(Collectors.joining());
        for (String out : List.of(r.stdout(), r.stderr(), Files.readString(lab.home().resolve(".labcloud/audit.log")))) {
            assertThat(out).doesNotContain("PRIVATE KEY").doesNotContain(body.substring(0, 40));
            pem.lines().filter(l -> l.length() > 20).forEach(l -> assertThat(out).doesNotContain(l));
        }
        assertThat(Files.list(key.getParent())).containsExactly(key);

        // the backstop alarm
        var alarms = lab.aws().cloudWatch("us-east-1").describeAlarms(b -> b.alarmNamePrefix("labcloud-idle-lab1")).metricAlarms();
        assertThat(alarms).hasSize(1);
        var alarm = alarms.get(0);
        assertThat(alarm.alarmActions()).containsExactly("arn:aws:automate:us-east-1:ec2:stop");
        assertThat(alarm.metricName()).isEqualTo("CPUUtilization");
        assertThat(alarm.threshold()).isEqualTo(2.0);
        assertThat(alarm.comparisonOperatorAsString()).isEqualTo("LessThanThreshold");
        assertThat(alarm.period() * alarm.evaluationPeriods()).isEqualTo(7200);
        assertThat(alarm.dimensions()).extracting(d -> d.value()).containsExactly(i.instanceId());

        // the SSH entry, and the audit log
        String config = Files.readString(lab.home().resolve(".ssh/config"));
        assertThat(config).contains("Host labcloud-lab1", "HostName " + i.publicIpAddress(), "LocalForward 8888 127.0.0.1:8888");
        assertThat(Files.readString(lab.home().resolve(".labcloud/audit.log"))).contains("\"machine launch\"", i.instanceId());
    }

    @Test
    void armTypesGetTheArmImage(TestLab lab) {
        CliResult r = launch(lab, stub.stub(), "arm", "t4g.medium", "--apply", "--ssh-cidr", "198.51.100.0/24");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        String ami = lab.aws().ssm("us-east-1").getParameter(b -> b.name(Amis.parameterFor("arm64"))).parameter().value();
        Instance i = instance(lab, "arm");
        assertThat(i.imageId()).isEqualTo(ami).isNotEqualTo(
                lab.aws().ssm("us-east-1").getParameter(b -> b.name(Amis.parameterFor("x86_64"))).parameter().value());
        var sg = lab.aws().ec2("us-east-1").describeSecurityGroups(b -> b.groupIds(i.securityGroups().get(0).groupId()))
                .securityGroups().get(0);
        assertThat(sg.ipPermissions().get(0).ipRanges()).extracting(x -> x.cidrIp()).containsExactly("198.51.100.0/24");
    }

    @Test
    void tagsDefaultFromConfigAndTheIamUsersOwnTags(TestLab lab) throws Exception {
        var iam = lab.aws().iam();
        iam.createUser(b -> b.userName("alice").tags(t -> t.key("Owner").value("alice"), t -> t.key("email").value("alice@lab.example")));
        var key = iam.createAccessKey(b -> b.userName("alice")).accessKey();
        lab.vars().put("AWS_ACCESS_KEY_ID", key.accessKeyId());
        lab.vars().put("AWS_SECRET_ACCESS_KEY", key.secretAccessKey());
        Files.createDirectories(lab.home().resolve(".labcloud"));
        Files.writeString(lab.home().resolve(".labcloud/config.yaml"), "tags:\n  Project: vision\n  Task: setup\n");
        lab.vars().put("LABCLOUD_CHECKIP_URL", stub.stub().url());
        CliResult r = lab.run("machine", "launch", "lab2", "--type", "t3.small", "--output", "json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode tags = Json.MAPPER.readTree(r.stdout()).path("plan").path("tags");
        assertThat(tags.path("Project").asText()).isEqualTo("vision");
        assertThat(tags.path("Task").asText()).isEqualTo("setup");
        assertThat(tags.path("Owner").asText()).isEqualTo("alice");
        assertThat(tags.path("Email").asText()).isEqualTo("alice@lab.example");
        // a flag wins over the config file
        CliResult flag = lab.run("machine", "launch", "lab2", "--type", "t3.small", "--project", "genomics");
        assertThat(flag.stdout()).contains("genomics (flag)", "setup (config)", "alice (iam)");
    }

    @Test
    void badInputExitsTwoAndCreatesNothing(TestLab lab) throws Exception {
        assertThat(launch(lab, stub.stub(), "taken", "t3.small", "--apply").exitCode()).isZero();
        Ec2Client ec2 = lab.aws().ec2("us-east-1");
        int instances = ec2.describeInstances().reservations().size();
        int keys = ec2.describeKeyPairs().keyPairs().size();
        int groups = ec2.describeSecurityGroups().securityGroups().size();
        String config = Files.readString(lab.home().resolve(".ssh/config"));

        Map<String, CliResult> bad = new java.util.LinkedHashMap<>();
        bad.put("unknown type", launch(lab, stub.stub(), "x1", "t3.huge", "--apply"));
        bad.put("1 GiB type", launch(lab, stub.stub(), "x2", "t3.micro", "--apply"));
        lab.vars().put("LABCLOUD_CHECKIP_URL", stub.stub().url());
        bad.put("missing tags", lab.run("machine", "launch", "x3", "--type", "t3.small", "--project", "p", "--apply"));
        bad.put("name in use", launch(lab, stub.stub(), "taken", "t3.small", "--apply"));
        bad.put("unknown machine", lab.run("machine", "stop", "nosuch"));
        bad.put("bad name", launch(lab, stub.stub(), "Bad_Name", "t3.small", "--apply"));
        bad.put("world-open ssh", launch(lab, stub.stub(), "x4", "t3.small", "--apply", "--ssh-cidr", "0.0.0.0/0"));
        bad.put("private key as public", launch(lab, stub.stub(), "x5", "t3.small", "--apply", "--public-key",
                lab.home().resolve(".ssh/labcloud/taken.pem").toString()));
        bad.forEach((what, r) -> {
            assertThat(r.exitCode()).as(what + ": " + r).isEqualTo(2);
            assertThat(r.stderr().strip().lines()).as(what).hasSize(1);
        });
        assertThat(bad.get("1 GiB type").stderr()).contains("1.0 GiB", "conda/mamba", "--force");
        assertThat(bad.get("missing tags").stderr()).contains("Email, Owner, Task");
        assertThat(bad.get("name in use").stderr()).contains("already exists");
        assertThat(bad.get("unknown type").stderr()).contains("unknown instance type 't3.huge'");

        assertThat(ec2.describeInstances().reservations()).hasSize(instances);
        assertThat(ec2.describeKeyPairs().keyPairs()).hasSize(keys);
        assertThat(ec2.describeSecurityGroups().securityGroups()).hasSize(groups);
        assertThat(Files.readString(lab.home().resolve(".ssh/config"))).isEqualTo(config);
        // --force takes a small type and missing tags, with warnings
        CliResult forced = lab.run("machine", "launch", "small", "--type", "t3.micro", "--force");
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(forced.stderr()).contains("warning", "without the lab tags");
    }

    @Test
    void importsTheUsersOwnPublicKey(TestLab lab) throws Exception {
        Path dir = Files.createDirectories(lab.home().resolve("keys"));
        Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir.resolve("id").toString()).start();
        assertThat(p.waitFor()).isZero();
        CliResult r = launch(lab, stub.stub(), "own", "t3.small", "--apply", "--public-key", dir.resolve("id.pub").toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Files.exists(lab.home().resolve(".ssh/labcloud/own.pem"))).isFalse();
        assertThat(Files.readString(lab.home().resolve(".ssh/config"))).contains("IdentityFile \"" + dir.resolve("id") + "\"");
        assertThat(lab.aws().ec2("us-east-1").describeKeyPairs(b -> b.keyNames("labcloud-own")).keyPairs()).hasSize(1);
    }

    @Test
    void iamPolicyCoversEveryMachineCommand(TestLab lab) throws Exception {
        CliResult r = lab.run("iam-policy", "machine");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        List<String> actions = new java.util.ArrayList<>();
        Json.MAPPER.readTree(r.stdout()).get("Statement").get(0).get("Action").forEach(a -> actions.add(a.asText()));
        assertThat(actions).contains("ssm:GetParameter", "ec2:RunInstances", "ec2:CreateKeyPair", "ec2:ImportKeyPair",
                "ec2:AuthorizeSecurityGroupIngress", "cloudwatch:PutMetricAlarm", "ec2:ModifyInstanceAttribute",
                "ec2:StopInstances", "ec2:StartInstances", "ec2:TerminateInstances", "ec2:DeleteSecurityGroup",
                "cloudwatch:DeleteAlarms", "ec2:CreateTags", "ec2:DeleteTags", "cloudwatch:GetMetricData");
        List<String> hold = new java.util.ArrayList<>();
        Json.MAPPER.readTree(lab.run("iam-policy", "machine", "hold").stdout()).get("Statement").get(0).get("Action")
                .forEach(a -> hold.add(a.asText()));
        assertThat(hold).containsExactlyInAnyOrder("ec2:DescribeInstances", "ec2:CreateTags", "ec2:DeleteTags");
    }
}
