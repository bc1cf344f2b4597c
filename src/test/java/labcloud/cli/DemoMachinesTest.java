package labcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import labcloud.core.Json;
import labcloud.demo.DemoAccount;
import labcloud.testing.CliResult;
import labcloud.testing.Moto;
import labcloud.testing.TestLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The demo account's lab machines as `machine list` and CloudWatch see them. */
@ExtendWith(Moto.class)
class DemoMachinesTest {
    @Test
    void theLaunchedMachineIsListedWithItsAlarmAndTheForgottenOneIsNot(TestLab lab) throws Exception {
        DemoAccount.seed(lab.aws());
        CliResult r = lab.run("machine", "list", "--all", "--regions", String.join(",", DemoAccount.REGIONS), "--output", "json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode machines = Json.MAPPER.readTree(r.stdout()).get("machines");
        // jupyter-dave was started by hand: an instance, not a labcloud machine (the audit finds it idle)
        assertThat(machines).hasSize(1);
        JsonNode nb = machines.get(0);
        assertThat(nb.get("name").asText()).isEqualTo("nb-alice");
        assertThat(nb.get("idleStopMinutes").asInt()).isEqualTo(60);
        // CPU fell 15 minutes ago; CloudWatch's 5-minute periods put it 15 to 20 minutes back
        assertThat(nb.get("idleMinutes").asLong()).isBetween(14L, 21L);
        assertThat(nb.get("tags").get("Project").asText()).isEqualTo("genomics");
        var alarms = lab.aws().cloudWatch("us-east-1").describeAlarms(b -> b.alarmNamePrefix("labcloud-idle-nb-alice")).metricAlarms();
        assertThat(alarms).hasSize(1);
        assertThat(alarms.get(0).alarmActions()).containsExactly("arn:aws:automate:us-east-1:ec2:stop");
        String volume = lab.aws().ec2("us-east-1").describeInstances(b -> b.instanceIds(nb.get("instanceId").asText()))
                .reservations().get(0).instances().get(0).blockDeviceMappings().get(0).ebs().volumeId();
        assertThat(lab.aws().ec2("us-east-1").describeVolumes(b -> b.volumeIds(volume)).volumes().get(0).tags())
                .extracting(t -> t.key()).contains("Email", "Owner", "Project", "Task");
    }
}
