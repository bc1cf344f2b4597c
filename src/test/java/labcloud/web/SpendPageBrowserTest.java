package labcloud.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import labcloud.core.Json;
import labcloud.demo.DemoAccount;
import labcloud.policy.PolicyLoader;
import labcloud.store.Store;
import labcloud.testing.CliResult;
import labcloud.testing.CostExplorerStub;
import labcloud.testing.HeadlessChromium;
import labcloud.testing.Moto;
import labcloud.testing.TestLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Spend page in headless Chromium, reading the report `labcloud cost` stored for the demo
 * account; every figure is checked against that run's `--output json`.
 */
@ExtendWith(Moto.class)
class SpendPageBrowserTest {

    @Test
    void spendPageShowsTheStoredReport(TestLab lab) throws Exception {
        DemoAccount.seed(lab.aws());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonNode s;
        try (CostExplorerStub ce = new CostExplorerStub(lab.moto())) {
            ce.answer("GetCostForecast", CostExplorerStub.forecast(today.toString(), today.withDayOfMonth(1).plusMonths(1).toString(),
                    700, 650, 760)).answer("ListCostAllocationTags", CostExplorerStub.tags());
            lab.vars().put("AWS_ENDPOINT_URL_COST_EXPLORER", ce.url());
            CliResult cost = lab.run("--output", "json", "cost", "--regions", String.join(",", DemoAccount.REGIONS));
            assertThat(cost.exitCode()).as(cost.toString()).isZero();
            s = Json.MAPPER.readTree(cost.stdout());
        }

        Store store = Store.open(lab.environment());
        LabDashboard wired = LabDashboard.of(labcloud.app.Lab.of(null, store, DemoAccount.REGIONS, PolicyLoader.builtIn()));
        try (Refresher refresher = new Refresher(null, wired.source(), Duration.ofHours(1), Clock.systemUTC());
             DashboardServer server = new DashboardServer(refresher, "127.0.0.1", null).start(0);
             HeadlessChromium chromium = new HeadlessChromium()) {
            refresher.start();
            String base = server.uri().toString().replaceAll("/$", "");

            // The API serves the stored document itself.
            HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/spend")).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode stored = Json.MAPPER.readTree(api.body()).get("spend");
            assertThat(stored.get("monthlyByProject")).isEqualTo(s.get("monthlyByProject"));
            assertThat(stored.get("reconciliation")).isEqualTo(s.get("reconciliation"));
            assertThat(stored.get("forecast")).isEqualTo(s.get("forecast"));

            WebDriver driver = chromium.driver();
            driver.get(base + "/spend");
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.findElement(By.tagName("body")).getAttribute("data-charts") != null);
            assertThat(driver.findElement(By.tagName("body")).getAttribute("data-charts")).isEqualTo("ready");
            assertThat(driver.findElement(By.cssSelector("header nav a.active")).getText()).isEqualTo("Spend");
            assertThat(text(driver, "#month-to-date .value")).isEqualTo(money(s.get("monthToDate").asDouble()));
            assertThat(text(driver, "#forecast .value")).isEqualTo(money(s.at("/forecast/monthEnd").asDouble()));
            assertThat(text(driver, "#unexplained .value")).isEqualTo(money(s.at("/reconciliation/totals/unexplained").asDouble()));
            // Both charts were drawn (a canvas with pixels) from /api/spend.
            for (String id : List.of("chart-monthly", "chart-daily")) {
                assertThat((Long) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                        "var c=document.getElementById(arguments[0]); return c.width * c.height;", id)).isPositive();
            }

            // Monthly table: each month's total as in the JSON.
            List<WebElement> totals = driver.findElements(By.cssSelector("#table-monthly tr.total td.num"));
            JsonNode months = s.get("monthlyByProject");
            assertThat(totals).hasSize(months.size());
            for (int i = 0; i < months.size(); i++) {
                assertThat(totals.get(i).getAttribute("textContent")).isEqualTo(money(months.get(i).get("total").asDouble()));
            }
            // Reconciliation by Project: estimate, actual and forecast per row.
            for (JsonNode row : s.at("/reconciliation/byProject")) {
                WebElement tr = driver.findElement(By.cssSelector("#table-recon-project tr[data-id='" + row.get("value").asText() + "']"));
                List<WebElement> td = tr.findElements(By.tagName("td"));
                assertThat(td.get(3).getText()).isEqualTo(money(row.get("actual").asDouble()));
                assertThat(td.get(4).getText()).isEqualTo(money(row.get("forecast").asDouble()));
            }
            assertThat(rows(driver, "#table-recon-owner")).hasSize(s.at("/reconciliation/byOwner").size());
            assertThat(rows(driver, "#table-unexplained")).hasSize(s.at("/reconciliation/unexplained").size());
            assertThat(driver.findElement(By.id("table-unexplained")).getText()).contains("frank (CreateNotebookInstance", "NatGateway");
            // Budgets with % used; the one over its limit is marked.
            assertThat(rows(driver, "#table-budgets")).hasSize(s.get("budgets").size());
            assertThat(driver.findElements(By.cssSelector("#table-budgets tr.over"))).extracting(e -> e.getAttribute("data-id"))
                    .containsExactly("labcloud-project-genomics");
            assertThat(driver.findElements(By.cssSelector(".spend-warning"))).isNotEmpty();
            chromium.screenshot("demo-spend");
        }
    }

    private static String money(double v) {
        return String.format(Locale.ROOT, "$%,.2f", v);
    }

    private static List<WebElement> rows(WebDriver d, String table) {
        return d.findElements(By.cssSelector(table + " tbody tr")).stream()
                .filter(tr -> tr.findElements(By.cssSelector("td.empty")).isEmpty()).toList();
    }

    private static String text(WebDriver d, String css) {
        return d.findElement(By.cssSelector(css)).getText();
    }
}
