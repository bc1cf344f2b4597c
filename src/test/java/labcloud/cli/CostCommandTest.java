package labcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import labcloud.core.Json;
import labcloud.demo.DemoAccount;
import labcloud.testing.CliResult;
import labcloud.testing.CostExplorerStub;
import labcloud.testing.Moto;
import labcloud.testing.TestLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * `labcloud cost` on the demo account: moto serves the demo's queued GetCostAndUsage answers (through
 * the stub, which also serves GetCostForecast and ListCostAllocationTags, missing from moto 5.2).
 * Checks the paid requests of a cold, a warm and a --refresh run, the figures, the reconciliation
 * and the audit rule that reads the stored report.
 */
@ExtendWith(Moto.class)
class CostCommandTest {
    static final String REGIONS = String.join(",", DemoAccount.REGIONS);

    @Test
    void demoAccountSpendCachedReconciledAndAudited(TestLab lab) throws Exception {
        DemoAccount.seed(lab.aws());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        try (CostExplorerStub ce = new CostExplorerStub(lab.moto())) {
            ce.answer("GetCostForecast", CostExplorerStub.forecast(today.toString(), today.withDayOfMonth(1).plusMonths(1).toString(),
                    812.5, 760.25, 870.75)).answer("ListCostAllocationTags", CostExplorerStub.tags());
            lab.vars().put("AWS_ENDPOINT_URL_COST_EXPLORER", ce.url());

            CliResult cold = lab.run("--output", "json", "cost", "--by", "project", "--regions", REGIONS);
            assertThat(cold.exitCode()).as(cold.toString()).isZero();
            JsonNode s = Json.MAPPER.readTree(cold.stdout());
            // Four GetCostAndUsage requests (by Project, by Owner, per day, per usage type), the forecast, the tag status.
            assertThat(s.at("/requests/paid").asInt()).isEqualTo(6);
            assertThat(s.at("/requests/cached").asInt()).isZero();
            assertThat(ce.count("GetCostAndUsage")).isEqualTo(4);
            assertThat(ce.count("GetCostForecast")).isEqualTo(1);
            assertThat(ce.count("ListCostAllocationTags")).isEqualTo(1);
            assertThat(cold.stderr()).contains("6 paid Cost Explorer requests ($0.06), 0 answers reused");

            // Figures: this month's total is the sum of the Project groups, and the forecast adds AWS's to the complete days.
            List<JsonNode> months = list(s.get("monthlyByProject"));
            assertThat(months).hasSize(6);
            JsonNode current = months.get(5);
            assertThat(current.get("start").asText()).isEqualTo(today.withDayOfMonth(1).toString());
            double groups = 0;
            for (JsonNode v : current.get("groups")) groups += v.asDouble();
            assertThat(s.get("monthToDate").asDouble()).isCloseTo(groups, org.assertj.core.data.Offset.offset(0.01));
            assertThat(current.get("groups").has("(untagged)")).isTrue();
            double complete = 0;
            for (JsonNode d : s.get("daily")) if (LocalDate.parse(d.get("date").asText()).isBefore(today)) complete += d.get("amount").asDouble();
            assertThat(s.at("/forecast/source").asText()).isEqualTo("aws");
            assertThat(s.at("/forecast/monthEnd").asDouble()).isCloseTo(complete + 812.5, org.assertj.core.data.Offset.offset(0.01));
            assertThat(s.at("/forecast/low").asDouble()).isCloseTo(complete + 760.25, org.assertj.core.data.Offset.offset(0.01));

            // Reconciliation: genomics pays far more than its resources explain; the egress, the notebook and the NAT gateway say why.
            JsonNode genomics = find(s.at("/reconciliation/byProject"), "value", "genomics");
            assertThat(genomics.get("actual").asDouble()).isGreaterThan(genomics.get("estimateToDate").asDouble() + 40);
            assertThat(find(s.at("/reconciliation/byOwner"), "value", "alice")).isNotNull();
            JsonNode egress = find(s.at("/reconciliation/unexplained"), "usageType", "USE1-DataTransfer-Out-Bytes");
            assertThat(egress.get("amount").asDouble()).isGreaterThan(48);
            // The emulator publishes no bucket sizes, so the region's buckets are listed as candidates (largest first where known).
            assertThat(egress.get("startedBy").toString()).contains("likely lab-datasets (Owner alice)");
            assertThat(find(s.at("/reconciliation/unexplained"), "usageType", "USE1-Notebk:ml.t3.xlarge").get("startedBy").get(0).asText())
                    .startsWith("frank (CreateNotebookInstance");
            assertThat(find(s.at("/reconciliation/unexplained"), "usageType", "USW2-NatGateway-Hours").get("startedBy").get(0).asText())
                    .startsWith("bob (CreateNatGateway");
            // Lines the inventory explains (the instances' hours) are not listed.
            assertThat(find(s.at("/reconciliation/unexplained"), "usageType", "USE1-BoxUsage:m5.xlarge")).isNull();
            // Tags not active for cost allocation: a warning that says how to activate them.
            assertThat(s.get("warnings").toString()).contains("not activated as cost-allocation tags: Project, Email, Task",
                    "update-cost-allocation-tags-status");
            assertThat(find(s.get("budgets"), "project", "genomics").get("percentUsed").asDouble()).isGreaterThan(100);

            // Warm: everything from the store, nothing paid, nothing sent.
            CliResult warm = lab.run("--output", "json", "cost", "--by", "project", "--regions", REGIONS);
            JsonNode w = Json.MAPPER.readTree(warm.stdout());
            assertThat(w.at("/requests/paid").asInt()).as(warm.stderr()).isZero();
            assertThat(w.at("/requests/cached").asInt()).isEqualTo(6);
            assertThat(ce.count("GetCostAndUsage")).isEqualTo(4);
            assertThat(w.get("monthlyByProject")).isEqualTo(s.get("monthlyByProject"));
            System.out.println("cost --by project: cold run " + s.at("/requests/paid") + " paid requests, warm run "
                    + w.at("/requests/paid") + " paid (" + w.at("/requests/cached") + " from the store)");

            // --refresh asks again; so does an answer older than --max-age.
            assertThat(Json.MAPPER.readTree(lab.run("--output", "json", "cost", "--refresh", "--regions", REGIONS).stdout())
                    .at("/requests/paid").asInt()).isEqualTo(6);
            assertThat(Json.MAPPER.readTree(lab.run("--output", "json", "cost", "--max-age", "0s", "--regions", REGIONS).stdout())
                    .at("/requests/paid").asInt()).isEqualTo(6);
            assertThat(ce.count("GetCostAndUsage")).isEqualTo(12);

            // The text report fits 80 columns; CSV is the monthly table.
            CliResult table = lab.run("cost", "--regions", REGIONS);
            assertThat(table.exitCode()).isZero();
            assertThat(table.stdout().lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
            assertThat(table.stdout()).contains("(untagged)", "genomics", "Unexplained", "labcloud-project-genomics");
            System.out.println(table.stdout());
            CliResult csv = lab.run("--output", "csv", "cost", "--regions", REGIONS);
            assertThat(csv.stdout().lines().findFirst().orElse("")).startsWith("PROJECT,");

            // The audit reads the stored report: climate spends and has no budget; genomics and vision have one.
            CliResult audit = lab.run("--output", "json", "audit", "--regions", REGIONS);
            List<String> without = new ArrayList<>();
            for (JsonNode f : Json.MAPPER.readTree(audit.stdout()).get("findings")) {
                if (f.get("rule").asText().equals("project-without-budget")) without.add(f.get("resourceId").asText());
            }
            assertThat(without).as(audit.stderr()).containsExactly("climate");
        }
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) if (value.equals(n.path(field).asText())) return n;
        return null;
    }
}
