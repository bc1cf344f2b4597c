package labcloud.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium driven by Debian's chromedriver, headless, with a throwaway profile.
 * The driver path is given explicitly: Selenium Manager cannot download anything here.
 */
public final class HeadlessChromium implements AutoCloseable {
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private final Path profile;
    private final ChromeDriver driver;

    public HeadlessChromium() {
        System.setProperty("selenium.manager.offline", "true");
        System.setProperty("SE_OFFLINE", "true");
        try {
            profile = Files.createTempDirectory("labcloud-chromium-");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Saves the whole page (up to 8,000 px tall) as target/screenshots/NAME.png and returns its path. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path out = SCREENSHOTS.resolve(name + ".png");
            Files.write(out, fullPage());
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Through the DevTools protocol: a plain WebDriver screenshot stops at the window's bottom edge. */
    private byte[] fullPage() {
        try {
            Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            @SuppressWarnings("unchecked")
            Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
            double width = ((Number) size.get("width")).doubleValue();
            double height = Math.min(((Number) size.get("height")).doubleValue(), 8000);
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
            return java.util.Base64.getDecoder().decode((String) shot.get("data"));
        } catch (RuntimeException e) {
            return ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var walk = Files.walk(profile)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // temp profile
            }
        }
    }
}
