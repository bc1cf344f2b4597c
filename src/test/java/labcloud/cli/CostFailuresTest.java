package labcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import labcloud.core.Json;
import labcloud.testing.CliResult;
import labcloud.testing.CostExplorerStub;
import labcloud.testing.Moto;
import labcloud.testing.TestLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Cost Explorer's failures, served by a real HTTP stub in the API's JSON error format (moto cannot produce them). */
@ExtendWith(Moto.class)
class CostFailuresTest {

    private static CostExplorerStub stub(TestLab lab) {
        CostExplorerStub ce = new CostExplorerStub(lab.moto());
        ce.answer("GetCostForecast", CostExplorerStub.forecast("2026-12-07", "2027-01-01", 10, 9, 11))
                .answer("ListCostAllocationTags", CostExplorerStub.tags());
        lab.vars().put("AWS_ENDPOINT_URL_COST_EXPLORER", ce.url());
        return ce;
    }

    @Test
    void throttlingIsRetriedThenReportedClearly(TestLab lab) throws Exception {
        try (CostExplorerStub ce = stub(lab)) {
            ce.throttleFirst("GetCostAndUsage", 2);
            CliResult r = lab.run("--output", "json", "cost", "--regions", "us-east-1");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(ce.count("GetCostAndUsage")).isEqualTo(6); // two refusals, then the four requests
            assertThat(Json.MAPPER.readTree(r.stdout()).at("/requests/paid").asInt()).isEqualTo(6); // 4 + forecast + tags
        }
        try (CostExplorerStub ce = stub(lab)) {
            ce.fail("GetCostAndUsage", "LimitExceededException", "Rate exceeded");
            CliResult r = lab.run("cost", "--refresh", "--regions", "us-east-1");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
            assertThat(r.stderr().lines().filter(l -> l.startsWith("labcloud:"))).singleElement().asString()
                    .contains("rate limit", "LimitExceededException", "ce:GetCostAndUsage", "after 3 attempts");
            assertThat(ce.count("GetCostAndUsage")).isEqualTo(3); // AWS_MAX_ATTEMPTS=3 in the tests
            assertThat(r.stdout()).isEmpty();
        }
    }

    @Test
    void costExplorerNeverEnabledSaysHowToEnableIt(TestLab lab) {
        try (CostExplorerStub ce = stub(lab)) {
            ce.fail("GetCostAndUsage", "AccessDeniedException", "User not enabled for cost explorer access");
            CliResult r = lab.run("cost", "--regions", "us-east-1");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
            assertThat(r.stderr()).contains("Cost Explorer is not enabled for this account", "Launch Cost Explorer", "24 hours");
        }
        try (CostExplorerStub ce = stub(lab)) {
            ce.fail("GetCostAndUsage", "DataUnavailableException", "Data is not available. Please try to adjust the time period.");
            CliResult r = lab.run("cost", "--regions", "us-east-1");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
            assertThat(r.stderr()).contains("no data", "DataUnavailableException", "Launch Cost Explorer");
        }
    }

    @Test
    void accessDeniedNamesThePermission(TestLab lab) throws Exception {
        try (CostExplorerStub ce = stub(lab)) {
            ce.fail("GetCostAndUsage", "AccessDeniedException",
                    "User: arn:aws:iam::123456789012:user/x is not authorized to perform: ce:GetCostAndUsage");
            CliResult r = lab.run("cost", "--regions", "us-east-1");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
            assertThat(r.stderr()).contains("ce:GetCostAndUsage");
        }
        // Only the forecast denied: the rest is reported, the failure listed, exit 3.
        try (CostExplorerStub ce = stub(lab)) {
            ce.fail("GetCostForecast", "AccessDeniedException", "not authorized to perform: ce:GetCostForecast");
            CliResult r = lab.run("--output", "json", "cost", "--refresh", "--regions", "us-east-1");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
            JsonNode s = Json.MAPPER.readTree(r.stdout());
            assertThat(s.at("/forecast/source").asText()).isEqualTo("none");
            assertThat(s.get("errors").toString()).contains("ce:GetCostForecast");
        }
    }

    @Test
    void badOptionsAreUsageErrors(TestLab lab) {
        assertThat(lab.run("cost", "--by", "colour").exitCode()).isEqualTo(2);
        assertThat(lab.run("cost", "--months", "13").exitCode()).isEqualTo(2);
        CliResult r = lab.run("cost", "--max-age", "soon");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).contains("--max-age 'soon'");
    }
}
