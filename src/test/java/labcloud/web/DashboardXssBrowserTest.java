package labcloud.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import labcloud.testing.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Tag values that are XSS payloads, shown in a real headless Chromium: the payloads must appear
 * as text, never run, and never become elements.
 */
class DashboardXssBrowserTest {
    private static Refresher refresher;
    private static DashboardServer server;
    private static HeadlessChromium chromium;

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

    @Test
    void payloadsInTagValuesStayText() {
        var driver = chromium.driver();
        for (String page : DashboardServer.pages()) {
            driver.get(server.uri().resolve(page).toString());
            assertThat(driver.executeScript("return typeof window.__xss")).as(page).isEqualTo("undefined");
            assertThat(driver.findElements(By.cssSelector("img"))).as(page).isEmpty();
            assertThat(driver.findElements(By.cssSelector("main script"))).as(page).isEmpty();
        }
        driver.get(server.uri().resolve("/instances?q=xss").toString());
        List<String> tagTexts = driver.findElements(By.cssSelector("#instances td.tags .tag")).stream().map(WebElement::getText).toList();
        assertThat(tagTexts).contains("Task=" + SampleLab.SCRIPT_TAG, "Task=" + SampleLab.IMG_TAG);
        assertThat(driver.executeScript("return typeof window.__xss")).isEqualTo("undefined");
        chromium.screenshot("xss-instances");

        // The Overview charts are drawn from the same data by the page's own script: still no execution.
        driver.get(server.uri().toString());
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.findElement(By.tagName("body")).getAttribute("data-charts") != null);
        assertThat(driver.findElement(By.tagName("body")).getAttribute("data-charts")).isEqualTo("ready");
        assertThat(driver.executeScript("return typeof window.__xss")).isEqualTo("undefined");
        chromium.screenshot("xss-overview");
    }
}
