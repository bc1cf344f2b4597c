package labcloud.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import labcloud.app.Lab;
import labcloud.core.Json;
import labcloud.demo.DemoAccount;
import labcloud.inventory.Resource;
import labcloud.policy.PolicyLoader;
import labcloud.store.Store;
import labcloud.testing.CliResult;
import labcloud.testing.HeadlessChromium;
import labcloud.testing.Moto;
import labcloud.testing.TestLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every page in a real headless Chromium, on the seeded demo account after a real refresh
 * (inventory + audit + CloudTrail into the store); figures are checked against `labcloud inventory
 * --output json` on the same account. Screenshots go to target/screenshots/.
 */
@ExtendWith(Moto.class)
class DemoDashboardBrowserTest {

    @Test
    void everyPageShowsTheDemoAccount(TestLab lab) throws Exception {
        DemoAccount.seed(lab.aws());
        // One instance whose tags are XSS payloads, collected like any other.
        String xssBox = lab.aws().ec2("us-east-1").runInstances(b -> b.imageId("ami-0a1b2c3d4e5f60718").instanceType("t3.nano")
                .minCount(1).maxCount(1).tagSpecifications(t -> t.resourceType("instance").tags(
                        x -> x.key("Name").value("xss-box"), x -> x.key("Owner").value("<script>window.__xss=1</script>"),
                        x -> x.key("Project").value("\"><img src=x onerror=\"window.__xss=2\">")))).instances().get(0).instanceId();

        CliResult inv = lab.run("--output", "json", "inventory", "--regions", String.join(",", DemoAccount.REGIONS));
        assertThat(inv.exitCode()).as(inv.toString()).isZero();
        JsonNode inventory = Json.MAPPER.readTree(inv.stdout());
        List<JsonNode> resources = new ArrayList<>();
        inventory.get("resources").forEach(resources::add);

        // Something changes after that inventory run (saved as a snapshot): the refresh's snapshot shows it.
        lab.aws().ec2("us-east-1").createTags(b -> b.resources(xssBox).tags(t -> t.key("Task").value("changed-after-snapshot")));

        Store store = Store.open(lab.environment());
        LabDashboard wired = LabDashboard.of(Lab.of(lab.aws(), store, DemoAccount.REGIONS, PolicyLoader.builtIn()));
        try (Refresher refresher = new Refresher(wired.refreshJob(), wired.source(), Duration.ofHours(1), Clock.systemUTC());
             DashboardServer server = new DashboardServer(refresher, "127.0.0.1", null).start(0);
             HeadlessChromium chromium = new HeadlessChromium()) {
            assertThat(refresher.refreshNow().lastError()).isNull();
            var driver = chromium.driver();
            String base = server.uri().toString().replaceAll("/$", "");

            // Overview: total cost and resource count as in the inventory JSON; the charts draw.
            driver.get(base + "/");
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.findElement(By.tagName("body")).getAttribute("data-charts") != null);
            assertThat(driver.findElement(By.tagName("body")).getAttribute("data-charts")).isEqualTo("ready");
            double total = resources.stream().mapToDouble(r -> r.get("monthlyCost").asDouble(0)).sum();
            assertThat(text(driver, "#total-cost .value")).isEqualTo(String.format(Locale.ROOT, "$%,.2f", total));
            assertThat(text(driver, "#resource-count .value")).isEqualTo(String.valueOf(resources.size()));
            assertThat(driver.findElements(By.cssSelector("#table-findings-by-rule tbody tr"))).isNotEmpty();
            assertThat(driver.findElement(By.id("table-cost-by-region")).getAttribute("textContent")).contains("us-east-1", "eu-west-1");
            // Findings by rule as the audit stored them, and their trend: the inventory run's snapshot and the refresh's.
            Map<String, Integer> byRule = new java.util.TreeMap<>();
            refresher.model().data().findings().forEach(f -> byRule.merge(f.rule(), 1, Integer::sum));
            assertThat(byRule).isNotEmpty();
            for (WebElement row : rows(driver, "#table-findings-by-rule")) {
                List<WebElement> td = row.findElements(By.tagName("td"));
                assertThat(Integer.parseInt(td.get(1).getAttribute("textContent").trim()))
                        .isEqualTo(byRule.get(td.get(0).getAttribute("textContent").trim()));
            }
            List<WebElement> trend = rows(driver, "#table-trend");
            assertThat(trend).hasSize(2);
            List<String> trendHead = driver.findElements(By.cssSelector("#table-trend thead th")).stream()
                    .map(e -> e.getAttribute("textContent")).toList();
            assertThat(trendHead).containsAll(byRule.keySet());
            List<WebElement> latestPoint = trend.get(1).findElements(By.tagName("td"));
            assertThat(Integer.parseInt(latestPoint.get(2).getAttribute("textContent"))).isEqualTo(resources.size());
            for (var e : byRule.entrySet()) {
                assertThat(latestPoint.get(trendHead.indexOf(e.getKey())).getAttribute("textContent")).isEqualTo(String.valueOf(e.getValue()));
            }
            // What changed since the inventory run's snapshot: the tag added to the instance.
            List<WebElement> changes = rows(driver, "#table-changes");
            assertThat(changes).anySatisfy(row -> assertThat(row.getText()).contains("changed", xssBox, "tags.Task"));
            assertThat(text(driver, "#change-count .value")).isEqualTo(String.valueOf(changes.size()));
            chromium.screenshot("demo-overview");

            // Instances: one row per instance in every region; filter by region, then sort by cost.
            List<JsonNode> instances = ofType(resources, Resource.EC2_INSTANCE);
            driver.get(base + "/instances");
            assertThat(rows(driver, "#instances")).hasSize(instances.size());
            assertThat(text(driver, "#instance-summary")).startsWith(instances.size() + " of " + instances.size() + " instances");
            // Sort every instance by cost (a click sorts ascending, a second descending)...
            driver.findElement(By.cssSelector("#instances th[data-sort=cost] a")).click();
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("sort=cost"));
            assertThat(driver.getCurrentUrl()).contains("dir=asc");
            List<Double> ascending = costs(driver);
            assertThat(ascending).hasSize(instances.size());
            assertThat(ascending.stream().filter(c -> c >= 0).toList()).isSorted(); // unpriced ones ("n/a") come last
            driver.findElement(By.cssSelector("#instances th[data-sort=cost] a")).click();
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("dir=desc"));
            List<Double> expected = instances.stream().map(r -> r.get("monthlyCost").isNumber() ? r.get("monthlyCost").asDouble() : -1)
                    .map(c -> c < 0 ? -1 : Math.round(c * 100) / 100.0).sorted(java.util.Comparator.reverseOrder()).toList();
            assertThat(costs(driver)).isEqualTo(expected);
            // ...then filter by region: the filter lands in the URL next to the sort, which it keeps.
            String region = "us-east-1";
            new Select(driver.findElement(By.id("filter-region"))).selectByValue(region);
            driver.findElement(By.cssSelector("#filters button[type=submit]")).click();
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("region=" + region));
            assertThat(driver.getCurrentUrl()).contains("sort=cost", "dir=desc");
            long inRegion = instances.stream().filter(r -> r.get("region").asText().equals(region)).count();
            assertThat(inRegion).isGreaterThan(1);
            assertThat(rows(driver, "#instances")).hasSize((int) inRegion)
                    .allSatisfy(row -> assertThat(row.findElements(By.tagName("td")).get(2).getText()).isEqualTo(region));
            assertThat(costs(driver)).hasSize((int) inRegion).isSortedAccordingTo(java.util.Comparator.reverseOrder());
            assertThat(text(driver, "#instance-summary")).startsWith(inRegion + " of " + instances.size() + " instances");
            chromium.screenshot("demo-instances-us-east-1-by-cost");
            driver.get(base + "/instances?q=xss-box");
            assertThat(driver.executeScript("return typeof window.__xss")).isEqualTo("undefined");
            assertThat(text(driver, "#instances td.tags")).contains("Owner=<script>window.__xss=1</script>",
                    "Project=\"><img src=x onerror=\"window.__xss=2\">");
            assertThat(driver.findElements(By.cssSelector("main img"))).isEmpty();
            // The demo's labcloud machine: idle since its CPU fell a quarter of an hour ago, idle-stop after 60 min.
            driver.get(base + "/instances?q=nb-alice");
            List<WebElement> machine = rows(driver, "#instances").get(0).findElements(By.tagName("td"));
            assertThat(machine.get(1).getText()).isEqualTo("nb-alice");
            assertThat(machine.get(6).getText()).matches("(1[4-9]|2[01]) min");
            assertThat(machine.get(7).getText()).isEqualTo("60 min");

            // Storage: every volume listed; exactly the unattached ones highlighted.
            driver.get(base + "/storage");
            List<JsonNode> volumes = ofType(resources, Resource.EBS_VOLUME);
            assertThat(rows(driver, "#table-volumes")).hasSize(volumes.size());
            List<String> unattached = volumes.stream().filter(v -> "available".equals(v.get("state").asText()))
                    .map(v -> v.get("id").asText()).sorted().toList();
            assertThat(unattached).isNotEmpty();
            assertThat(driver.findElements(By.cssSelector("#table-volumes tr.unattached")).stream()
                    .map(e -> e.getAttribute("data-id")).sorted().toList()).isEqualTo(unattached);
            assertThat(rows(driver, "#table-buckets")).hasSize(ofType(resources, Resource.S3_BUCKET).size());
            assertThat(rows(driver, "#table-filesystems")).hasSize(ofType(resources, Resource.EFS_FILESYSTEM).size());
            chromium.screenshot("demo-storage");

            // Tags: the non-compliant resources are those missing a required tag in the inventory.
            driver.get(base + "/tags");
            long missing = resources.stream()
                    .filter(r -> !r.get("type").asText().startsWith("iam-"))
                    .filter(r -> java.util.stream.Stream.of("Email", "Owner", "Project", "Task")
                            .anyMatch(k -> !r.get("tags").hasNonNull(k) || r.get("tags").get(k).asText().isBlank()))
                    .count();
            List<WebElement> nonCompliant = rows(driver, "#table-non-compliant");
            assertThat(nonCompliant.stream().filter(row -> !row.findElements(By.tagName("td")).get(5).getText().isEmpty()))
                    .hasSize((int) missing);
            // The rest are resources the audit found wrong values on (e.g. an Email that is no address).
            assertThat(nonCompliant.stream().filter(row -> row.findElements(By.tagName("td")).get(5).getText().isEmpty()))
                    .allSatisfy(row -> assertThat(row.findElements(By.tagName("td")).get(6).getText()).isNotEmpty());
            chromium.screenshot("demo-tags");

            // Keys & MFA: every access key; the console users without MFA (bob and carol in the demo).
            driver.get(base + "/keys");
            assertThat(rows(driver, "#table-keys")).hasSize(ofType(resources, Resource.IAM_ACCESS_KEY).size());
            List<String> noMfa = driver.findElements(By.cssSelector("#table-users tr.no-mfa")).stream()
                    .map(e -> e.getAttribute("data-id")).toList();
            assertThat(noMfa).contains("bob", "carol").doesNotContain("alice");
            chromium.screenshot("demo-keys");

            // Activity: the demo's CloudTrail logs, per user and per resource.
            driver.get(base + "/activity");
            assertThat(rows(driver, "#table-events")).isNotEmpty();
            assertThat(rows(driver, "#table-per-user")).isNotEmpty();
            assertThat(driver.findElement(By.id("table-per-user")).getText()).contains("alice");
            chromium.screenshot("demo-activity");
        }
    }

    private static List<JsonNode> ofType(List<JsonNode> resources, String type) {
        return resources.stream().filter(r -> r.get("type").asText().equals(type)).toList();
    }

    private static List<WebElement> rows(WebDriver d, String table) {
        return d.findElements(By.cssSelector(table + " tbody tr")).stream()
                .filter(tr -> tr.findElements(By.cssSelector("td.empty")).isEmpty()).toList();
    }

    private static String text(WebDriver d, String css) {
        return d.findElement(By.cssSelector(css)).getText();
    }

    private static List<Double> costs(WebDriver d) {
        return rows(d, "#instances").stream().map(row -> money(row.findElements(By.tagName("td")).get(8).getText())).toList();
    }

    private static double money(String s) {
        return s.equals("n/a") ? -1 : Double.parseDouble(s.replace("$", "").replace(",", ""));
    }
}
