package labcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import labcloud.core.Json;
import labcloud.testing.CliResult;
import labcloud.testing.Moto;
import labcloud.testing.TestLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

/** The audit's instance-idle-running rule, from CPU metrics in moto's CloudWatch through the inventory. */
@ExtendWith(Moto.class)
class InstanceIdleRunningTest {
    private static String run(TestLab lab, String type) {
        return lab.aws().ec2("us-east-1").runInstances(b -> b.imageId("ami-12345678").instanceType(type).minCount(1).maxCount(1))
                .instances().get(0).instanceId();
    }

    /** A day of 5-minute CPU samples at the given percent. */
    private static void cpu(TestLab lab, String instance, double percent) {
        Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        List<MetricDatum> data = new ArrayList<>();
        for (int m = 5; m <= 24 * 60; m += 5) {
            Instant at = end.minus(Duration.ofMinutes(m));
            data.add(MetricDatum.builder().metricName("CPUUtilization").value(percent).unit(StandardUnit.PERCENT).timestamp(at)
                    .dimensions(d -> d.name("InstanceId").value(instance)).build());
        }
        for (int i = 0; i < data.size(); i += 500) {
            List<MetricDatum> batch = data.subList(i, Math.min(data.size(), i + 500));
            lab.aws().cloudWatch("us-east-1").putMetricData(b -> b.namespace("AWS/EC2").metricData(batch));
        }
    }

    @Test
    void aRunningInstanceIdleForADayIsReportedWithItsDailyCost(TestLab lab) throws Exception {
        String idle = run(lab, "m5.xlarge");
        String busy = run(lab, "m5.xlarge");
        String fresh = run(lab, "m5.xlarge"); // no metrics yet: no evidence either way
        cpu(lab, idle, 0.8);
        cpu(lab, busy, 63.0);
        CliResult r = lab.run("audit", "--regions", "us-east-1", "--output", "json");
        JsonNode findings = Json.MAPPER.readTree(r.stdout()).get("findings");
        List<JsonNode> idleRunning = new ArrayList<>();
        findings.forEach(f -> {
            if (f.get("rule").asText().equals("instance-idle-running")) idleRunning.add(f);
        });
        assertThat(idleRunning).as(r.toString()).extracting(f -> f.get("resourceId").asText()).containsExactly(idle);
        JsonNode f = idleRunning.get(0);
        assertThat(f.get("severity").asText()).isEqualTo("medium");
        // m5.xlarge: $0.192/hour -> $4.61/day
        assertThat(f.get("details").get("costPerDay").asDouble()).isEqualTo(4.61);
        assertThat(f.get("details").get("cpuMaxPercent24h").asDouble()).isEqualTo(0.8);
        assertThat(f.get("message").asText()).contains("$4.61/day");
        assertThat(List.of(busy, fresh)).doesNotContain(f.get("resourceId").asText());

        // a stopped instance is not running idle, whatever its last day looked like
        lab.aws().ec2("us-east-1").stopInstances(b -> b.instanceIds(idle));
        JsonNode after = Json.MAPPER.readTree(lab.run("audit", "--regions", "us-east-1", "--output", "json").stdout());
        after.get("findings").forEach(x -> assertThat(x.get("rule").asText()).isNotEqualTo("instance-idle-running"));
    }
}
