package labcloud.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import labcloud.core.Json;
import labcloud.testing.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The Advice page in a real headless Chromium: the tree renders, the form asks the same logic as the CLI; /api/advice. */
class AdvicePageBrowserTest {
    private static Refresher refresher;
    private static DashboardServer server;
    private static HeadlessChromium chromium;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        refresher = new Refresher(null, SampleLab::data, Duration.ofMinutes(15), Clock.systemUTC());
        refresher.start();
        server = new DashboardServer(refresher, "127.0.0.1", null).start(0);
        chromium = new HeadlessChromium();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) chromium.close();
        if (server != null) server.close();
        if (refresher != null) refresher.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(server.uri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theTreeRendersAndTheFormAnswersWithThePathHighlighted() {
        var driver = chromium.driver();
        driver.get(server.uri().resolve("/advice").toString());
        WebElement svg = driver.findElement(By.cssSelector("svg.advice-tree"));
        @SuppressWarnings("unchecked")
        List<Number> box = (List<Number>) driver.executeScript(
                "var b = arguments[0].getBBox(); return [b.width, b.height];", svg);
        assertThat(box.get(0).doubleValue()).isGreaterThan(300);
        assertThat(box.get(1).doubleValue()).isGreaterThan(600);
        List<WebElement> nodes = driver.findElements(By.cssSelector("svg.advice-tree g.node"));
        assertThat(nodes).hasSize(19); // 13 questions and 6 leaves of the bundled tree
        for (WebElement n : nodes) {
            Number w = (Number) driver.executeScript("return arguments[0].querySelector('text').getComputedTextLength();", n);
            assertThat(w.doubleValue()).as(n.getAttribute("id")).isGreaterThan(10); // text was laid out, with a font
        }
        assertThat(driver.findElements(By.cssSelector("svg.advice-tree g.on-path"))).isEmpty();

        driver.findElement(By.id("f-ram")).sendKeys("64GiB");
        driver.findElement(By.id("f-cores")).sendKeys("16");
        driver.findElement(By.id("f-hours")).sendKeys("40");
        driver.findElement(By.id("f-runsPerMonth")).sendKeys("4");
        driver.findElement(By.id("f-data")).sendKeys("2TiB");
        driver.findElement(By.id("advice-submit")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> !d.findElements(By.id("leaf")).isEmpty());
        assertThat(driver.findElement(By.id("leaf")).getAttribute("data-leaf")).isEqualTo("ec2-short");
        assertThat(driver.findElements(By.cssSelector("#path li")).get(2).getText())
                .contains("needs 64 GiB > your laptop's 16 GiB -> not the laptop");
        assertThat(driver.findElement(By.cssSelector("#table-instances tbody tr")).getAttribute("data-id")).isEqualTo("m5.4xlarge");
        assertThat(driver.findElements(By.cssSelector("#table-storage tbody tr"))).hasSize(5);
        List<String> highlighted = driver.findElements(By.cssSelector("svg.advice-tree g.node.on-path")).stream()
                .map(e -> e.getAttribute("id")).toList();
        assertThat(highlighted).containsExactlyInAnyOrder("node-compute", "node-data-gravity", "node-laptop-ram", "node-lab-server-exists",
                "node-cloud-interruptible", "node-cloud-big", "node-cloud-occasional", "node-ec2-short");
        assertThat(driver.findElements(By.cssSelector("svg.advice-tree g.edge.on-path"))).hasSize(7);
        assertThat(driver.findElement(By.id("f-ram")).getAttribute("value")).isEqualTo("64GiB"); // the form keeps what was asked
        chromium.screenshot("advice-64gib");

        driver.get(server.uri().resolve("/advice?ram=lots&cores=1&hours=1").toString());
        assertThat(driver.findElement(By.id("advice-error")).getText()).contains("--ram: invalid size 'lots'");
    }

    @Test
    void apiAnswersLikeTheCommandLine() throws Exception {
        HttpResponse<String> r = get("/api/advice?ram=64GiB&cores=16&hours=40&runsPerMonth=4&region=eu-west-1");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode a = Json.MAPPER.readTree(r.body());
        assertThat(a.path("leaf").path("id").asText()).isEqualTo("ec2-short");
        assertThat(a.path("region").asText()).isEqualTo("eu-west-1");
        assertThat(a.path("instances")).hasSize(3);
        HttpResponse<String> missing = get("/api/advice?ram=64GiB");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(missing.body()).path("error").asText()).isEqualTo("missing --cores, --hours (or --from-profile FILE)");
        assertThat(get("/api/advice?colour=red").statusCode()).isEqualTo(400);
        assertThat(get("/api/advice?ram=1GiB&cores=1&hours=1&region=mars-1").statusCode()).isEqualTo(400);
        JsonNode tree = Json.MAPPER.readTree(get("/api/advice/tree").body());
        assertThat(tree.path("questions")).hasSize(13);
        assertThat(tree.path("leaves")).hasSize(6);
        assertThat(tree.path("mermaid").asText()).startsWith("flowchart TD");
        assertThat(HTTP.send(HttpRequest.newBuilder(server.uri().resolve("/api/advice?ram=1GiB&cores=1&hours=1"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(405);
    }
}
