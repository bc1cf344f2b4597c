package labcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import labcloud.core.Json;
import labcloud.core.LabcloudException;
import labcloud.machine.Lifecycle;
import labcloud.machine.Machines;
import labcloud.machine.StateWaiter;
import labcloud.testing.CheckIpStub;
import labcloud.testing.CliResult;
import labcloud.testing.Moto;
import labcloud.testing.TestLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.ec2.model.Instance;

/** stop, start, resize, hold, list and terminate of a launched machine, against moto. */
@ExtendWith(Moto.class)
class MachineLifecycleTest {
    @RegisterExtension
    final CheckIpStub.PerTest stub = new CheckIpStub.PerTest();

    private Instance launched(TestLab lab, String name, String type) {
        CliResult r = MachineLaunchTest.launch(lab, stub.stub(), name, type, "--apply");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return MachineLaunchTest.instance(lab, name);
    }

    private static String hostNameInConfig(TestLab lab) throws Exception {
        return Files.readString(lab.home().resolve(".ssh/config")).lines().map(String::strip)
                .filter(l -> l.startsWith("HostName ")).findFirst().orElseThrow().substring(9);
    }

    @Test
    void stopAndStartRefreshTheSshEntry(TestLab lab) throws Exception {
        Instance i = launched(lab, "lab1", "t3.medium");
        assertThat(hostNameInConfig(lab)).isEqualTo(i.publicIpAddress());
        CliResult stop = lab.run("machine", "stop", "lab1");
        assertThat(stop.exitCode()).as(stop.toString()).isZero();
        assertThat(stop.stdout()).contains("stopped");
        CliResult start = lab.run("machine", "start", "lab1");
        assertThat(start.exitCode()).as(start.toString()).isZero();
        String ip = MachineLaunchTest.instance(lab, "lab1").publicIpAddress();
        assertThat(ip).isNotNull();
        assertThat(hostNameInConfig(lab)).isEqualTo(ip);
        assertThat(start.stderr()).contains("now points at " + ip);
    }

    @Test
    void resizePlansThenStopsModifiesAndStarts(TestLab lab) throws Exception {
        Instance before = launched(lab, "lab1", "t3.medium");
        CliResult plan = lab.run("machine", "resize", "lab1", "--type", "m5.xlarge");
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.stdout()).contains("t3.medium", "m5.xlarge", "$0.0416/hour", "$0.1920/hour");
        assertThat(plan.stderr()).contains("dry run", "stops it");
        assertThat(MachineLaunchTest.instance(lab, "lab1").instanceTypeAsString()).isEqualTo("t3.medium");

        CliResult r = lab.run("machine", "resize", "lab1", "--type", "m5.xlarge", "--apply");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        Instance after = MachineLaunchTest.instance(lab, "lab1");
        assertThat(after.instanceId()).isEqualTo(before.instanceId());
        assertThat(after.instanceTypeAsString()).isEqualTo("m5.xlarge");
        assertThat(after.state().nameAsString()).isEqualTo("running");
        assertThat(hostNameInConfig(lab)).isEqualTo(after.publicIpAddress());
        assertThat(Files.readString(lab.home().resolve(".labcloud/audit.log"))).contains("\"machine resize\"", "\"to\":\"m5.xlarge\"");

        CliResult arch = lab.run("machine", "resize", "lab1", "--type", "m7g.large", "--apply");
        assertThat(arch.exitCode()).isEqualTo(2);
        assertThat(arch.stderr()).contains("x86_64", "arm64");
        CliResult tiny = lab.run("machine", "resize", "lab1", "--type", "t3.micro", "--apply");
        assertThat(tiny.exitCode()).isEqualTo(2);
        assertThat(MachineLaunchTest.instance(lab, "lab1").instanceTypeAsString()).isEqualTo("m5.xlarge");
    }

    @Test
    void labcloudRefusesToChangeTheTypeOfARunningInstance(TestLab lab) {
        launched(lab, "lab1", "t3.medium");
        var machine = new Machines(lab.aws()).require("us-east-1", "lab1");
        var lifecycle = new Lifecycle(lab.aws(), StateWaiter.standard(lab.aws()));
        // moto itself would accept this change on a running instance; labcloud must not send it
        assertThatThrownBy(() -> lifecycle.changeType(machine, "t3.large"))
                .isInstanceOf(LabcloudException.class).hasMessageContaining("while it is running");
        assertThat(MachineLaunchTest.instance(lab, "lab1").instanceTypeAsString()).isEqualTo("t3.medium");
    }

    @Test
    void holdSetsAndReleasesTheTagTheAgentReads(TestLab lab) throws Exception {
        launched(lab, "lab1", "t3.small");
        CliResult hold = lab.run("machine", "hold", "lab1", "3h", "--output", "json");
        assertThat(hold.exitCode()).as(hold.toString()).isZero();
        Instant until = Instant.parse(Json.MAPPER.readTree(hold.stdout()).get("holdUntil").asText());
        assertThat(Duration.between(Instant.now(), until)).isBetween(Duration.ofMinutes(179), Duration.ofMinutes(181));
        assertThat(MachineLaunchTest.tags(MachineLaunchTest.instance(lab, "lab1").tags())).containsEntry("labcloud:hold-until", until.toString());
        assertThat(lab.run("machine", "hold", "lab1", "0").exitCode()).isZero();
        assertThat(MachineLaunchTest.tags(MachineLaunchTest.instance(lab, "lab1").tags())).doesNotContainKey("labcloud:hold-until");
        assertThat(lab.run("machine", "hold", "lab1", "forever").exitCode()).isEqualTo(2);
    }

    @Test
    void listShowsCostUptimeIdleMinutesAndIdleStop(TestLab lab) throws Exception {
        Instance i = launched(lab, "lab1", "t3.medium");
        launched(lab, "lab2", "t3.small");
        lab.run("machine", "stop", "lab2");
        // CPU busy until 40 minutes ago, idle since
        Instant now = Instant.now();
        var cw = lab.aws().cloudWatch("us-east-1");
        for (int m = 120; m >= 5; m -= 5) {
            double cpu = m > 40 ? 55.0 : 0.4;
            Instant at = now.minus(Duration.ofMinutes(m));
            cw.putMetricData(b -> b.namespace("AWS/EC2").metricData(d -> d.metricName("CPUUtilization").value(cpu)
                    .unit(StandardUnit.PERCENT).timestamp(at).dimensions(x -> x.name("InstanceId").value(i.instanceId()))));
        }
        CliResult r = lab.run("machine", "list", "--all", "--regions", "us-east-1,eu-west-1", "--output", "json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode machines = Json.MAPPER.readTree(r.stdout()).get("machines");
        assertThat(machines).hasSize(2);
        JsonNode one = machines.get(0);
        assertThat(one.get("name").asText()).isEqualTo("lab1");
        assertThat(one.get("state").asText()).isEqualTo("running");
        assertThat(one.get("monthlyCost").asDouble()).isCloseTo(30.37, org.assertj.core.api.Assertions.within(0.01));
        assertThat(one.get("idleStopMinutes").asInt()).isEqualTo(60);
        // 5-minute periods: the last busy one ends 40 to 45 minutes ago, depending on where periods start
        assertThat(one.get("idleMinutes").asLong()).isBetween(38L, 47L);
        assertThat(one.get("uptimeMinutes").asLong()).isBetween(0L, 2L);
        assertThat(machines.get(1).get("state").asText()).isEqualTo("stopped");
        assertThat(machines.get(1).get("idleMinutes").isNull()).isTrue();
        CliResult table = lab.run("machine", "list", "--all", "--regions", "us-east-1");
        assertThat(table.stdout()).contains("lab1", "t3.medium", "30.37", "60m", "lab2", "stopped");
        // owner filter: the config's Owner is someone else
        Files.createDirectories(lab.home().resolve(".labcloud"));
        Files.writeString(lab.home().resolve(".labcloud/config.yaml"), "tags:\n  Owner: bob\n");
        CliResult mine = lab.run("machine", "list", "--regions", "us-east-1", "--output", "json");
        assertThat(Json.MAPPER.readTree(mine.stdout()).get("machines")).isEmpty();
    }

    @Test
    void terminateRemovesWhatLaunchMadeAndSaysWhatHappensToTheDisk(TestLab lab) throws Exception {
        Path config = lab.home().resolve(".ssh/config");
        Files.createDirectories(config.getParent());
        String mine = "Host github.com\n    User git\n";
        Files.writeString(config, mine);
        Instance i = launched(lab, "lab1", "t3.small");
        String volume = i.blockDeviceMappings().get(0).ebs().volumeId();
        var ec2 = lab.aws().ec2("us-east-1");
        String group = i.securityGroups().get(0).groupId();

        CliResult plan = lab.run("machine", "terminate", "lab1");
        assertThat(plan.exitCode()).isZero();
        assertThat(plan.stdout()).contains("DELETE " + volume);
        assertThat(MachineLaunchTest.instance(lab, "lab1").state().nameAsString()).isEqualTo("running");

        CliResult r = lab.run("machine", "terminate", "lab1", "--apply");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("deleted with the instance: " + volume);
        assertThat(ec2.describeInstances(b -> b.instanceIds(i.instanceId())).reservations().get(0).instances().get(0)
                .state().nameAsString()).isEqualTo("terminated");
        assertThat(ec2.describeKeyPairs().keyPairs()).isEmpty();
        assertThat(ec2.describeSecurityGroups().securityGroups()).extracting(g -> g.groupId()).doesNotContain(group);
        assertThat(lab.aws().cloudWatch("us-east-1").describeAlarms().metricAlarms()).isEmpty();
        assertThat(Files.exists(lab.home().resolve(".ssh/labcloud/lab1.pem"))).isFalse();
        assertThat(Files.readString(config)).isEqualTo(mine);
        assertThat(lab.run("machine", "stop", "lab1").exitCode()).isEqualTo(2);

        // --keep-disk: the volume survives, detached
        Instance k = launched(lab, "keep", "t3.small");
        String kept = k.blockDeviceMappings().get(0).ebs().volumeId();
        CliResult keep = lab.run("machine", "terminate", "keep", "--keep-disk", "--apply");
        assertThat(keep.exitCode()).as(keep.toString()).isZero();
        assertThat(keep.stdout()).contains("kept " + kept);
        assertThat(ec2.describeVolumes(b -> b.volumeIds(kept)).volumes()).hasSize(1);
        assertThat(List.of(volume)).allSatisfy(v -> assertThat(ec2.describeVolumes().volumes()).extracting(x -> x.volumeId()).doesNotContain(v));
    }
}
