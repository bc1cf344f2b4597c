package labcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import labcloud.core.Json;
import labcloud.testing.CliResult;
import labcloud.testing.FaultProxy;
import labcloud.testing.FaultProxy.Fault;
import labcloud.testing.Moto;
import labcloud.testing.TestLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(Moto.class)
class InventoryCommandTest {
    @Test
    void badRegionsTypesAndDatesAreExitTwoWithOneLine(TestLab lab) {
        for (List<String> args : List.of(
                List.of("inventory", "--regions", "us-east-1,mars-north-9"),
                List.of("inventory", "--types", "ec2-instance,vm"),
                List.of("inventory", "--types", ","),
                List.of("inventory", "--as-of", "next tuesday"))) {
            CliResult r = lab.run(args.toArray(String[]::new));
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
            assertThat(r.stdout()).isEmpty();
            assertThat(r.stderr().lines()).as(r.toString()).hasSize(1);
        }
        assertThat(lab.run("inventory", "--regions", "us-east-1,mars-north-9").stderr()).contains("mars-north-9");
        assertThat(lab.run("inventory", "--types", "ec2-instance,vm").stderr()).contains("'vm'").contains("ebs-volume");
    }

    @Test
    void aFailingRegionIsReportedWithExitThreeWhileTheOthersComplete(TestLab lab) throws Exception {
        for (String r : List.of("us-east-1", "eu-west-1", "ap-southeast-2")) {
            lab.aws().ec2(r).runInstances(b -> b.imageId("ami-12345678").instanceType("t3.small").minCount(2).maxCount(2));
        }
        try (FaultProxy proxy = new FaultProxy(lab.moto().endpoint())) {
            proxy.rule(req -> "eu-west-1".equals(req.region()) ? new Fault.Reset() : Fault.NONE);
            lab.vars().put("AWS_ENDPOINT_URL", proxy.endpoint().toString());
            lab.vars().put("AWS_MAX_ATTEMPTS", "2");
            CliResult r = lab.run("inventory", "--regions", "us-east-1,eu-west-1,ap-southeast-2",
                    "--types", "ec2-instance,ebs-volume,efs-filesystem", "--output", "json");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
            JsonNode doc = Json.MAPPER.readTree(r.stdout());
            List<String> failed = new ArrayList<>();
            doc.path("errors").forEach(e -> failed.add(e.path("region").asText() + "/" + e.path("service").asText()));
            assertThat(failed).containsExactlyInAnyOrder("eu-west-1/ec2", "eu-west-1/ec2", "eu-west-1/efs");
            assertThat(doc.path("errors").get(0).path("message").asText()).contains("eu-west-1");
            List<String> regions = new ArrayList<>();
            doc.path("resources").forEach(x -> regions.add(x.path("region").asText() + "/" + x.path("type").asText()));
            assertThat(regions).filteredOn(s -> s.endsWith("ec2-instance"))
                    .containsExactlyInAnyOrder("us-east-1/ec2-instance", "us-east-1/ec2-instance",
                            "ap-southeast-2/ec2-instance", "ap-southeast-2/ec2-instance");
            assertThat(r.stderr()).contains("warning: eu-west-1 ec2");
        }
    }

    @Test
    void jsonFollowsTheDocumentedShapeAndTheTableHasTotals(TestLab lab) throws Exception {
        var ec2 = lab.aws().ec2("us-east-1");
        ec2.runInstances(b -> b.imageId("ami-12345678").instanceType("t3.medium").minCount(1).maxCount(1)
                .tagSpecifications(t -> t.resourceType("instance").tags(x -> x.key("Name").value("notebook"))));
        ec2.runInstances(b -> b.imageId("ami-12345678").instanceType("x9.unknown").minCount(1).maxCount(1));
        CliResult json = lab.run("inventory", "--types", "ec2-instance,ebs-volume", "--output", "json");
        assertThat(json.exitCode()).as(json.toString()).isZero();
        JsonNode doc = Json.MAPPER.readTree(json.stdout());
        assertThat(iterable(doc.fieldNames())).containsExactly("account", "generatedAt", "regions", "resources", "errors");
        assertThat(doc.path("regions")).hasSize(1);
        JsonNode first = doc.path("resources").get(0);
        assertThat(iterable(first.fieldNames())).containsExactly("type", "id", "region", "name", "state", "createdAt",
                "tags", "monthlyCost", "details");
        JsonNode notebook = null;
        JsonNode unknown = null;
        for (JsonNode r : doc.path("resources")) {
            if ("notebook".equals(r.path("name").asText())) notebook = r;
            if ("x9.unknown".equals(r.path("details").path("instanceType").asText())) unknown = r;
        }
        assertThat(notebook.path("monthlyCost").asDouble()).isEqualTo(30.368);
        assertThat(notebook.path("details").path("uptimeHours").isNumber()).isTrue();
        assertThat(unknown.path("monthlyCost").isNull()).as("unknown price is null, never 0").isTrue();

        CliResult table = lab.run("inventory", "--types", "ec2-instance,ebs-volume");
        assertThat(table.exitCode()).isZero();
        assertThat(table.stdout()).contains("us-east-1 · ec2-instance", "us-east-1 · ebs-volume", "notebook",
                "t3.medium", "30.37", "unknown", "all regions", "total");
        assertThat(table.stdout().lines()).allMatch(l -> l.length() <= 80);
        CliResult csv = lab.run("inventory", "--types", "ec2-instance", "--output", "csv");
        assertThat(csv.stdout().lines().findFirst().orElseThrow()).isEqualTo("REGION,TYPE,ID,NAME,STATE,DETAILS,MONTHLY_USD");
        assertThat(csv.stdout().lines()).hasSize(3);
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> l = new ArrayList<>();
        it.forEachRemaining(l::add);
        return l;
    }
}
