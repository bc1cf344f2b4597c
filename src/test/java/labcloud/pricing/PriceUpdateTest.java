package labcloud.pricing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Map;
import labcloud.core.Environment;
import labcloud.core.Json;
import labcloud.testing.CliResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `labcloud price update` against a real HTTP server (WireMock) serving trimmed files in the
 * published Price List bulk API format: offer index, AmazonEC2 region index, per-region offer
 * files with products that must be filtered out (Windows, dedicated tenancy, SQL Server,
 * capacity reservations, Reserved terms, snapshot archive tier).
 */
class PriceUpdateTest {
    private static final String REGION_INDEX = "/offers/v1.0/aws/AmazonEC2/current/region_index.json";
    private static final String FILE = "/offers/v1.0/aws/AmazonEC2/20250110183429/%s/index.json";

    @TempDir
    Path home;
    private WireMockServer stub;

    @BeforeEach
    void start() throws IOException {
        stub = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        stub.start();
        serve("/offers/v1.0/aws/index.json", fixture("index.json"));
        serve(REGION_INDEX, fixture("AmazonEC2-region_index.json"));
        serve(FILE.formatted("us-east-1"), fixture("AmazonEC2-us-east-1-index.json"));
        serve(FILE.formatted("eu-west-1"), fixture("AmazonEC2-eu-west-1-index.json"));
    }

    @AfterEach
    void stop() {
        stub.stop();
    }

    private void serve(String path, byte[] body) {
        stub.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = PriceUpdateTest.class.getResourceAsStream("/pricing/bulk/" + name)) {
            return in.readAllBytes();
        }
    }

    private CliResult run(String... args) {
        return CliResult.run(Environment.of(Map.of("HOME", home.toString(), "AWS_REGION", "us-east-1")), args);
    }

    private String base() {
        return "http://127.0.0.1:" + stub.port();
    }

    private CliResult update() {
        return run("price", "update", "--url", base(), "--regions", "us-east-1,eu-west-1",
                "--output", "json");
    }

    private Path userCatalog() {
        return home.resolve(".labcloud/pricing/catalog.json");
    }

    @Test
    void updateKeepsOnDemandLinuxSharedPricesAndWritesTheUserCatalog() throws Exception {
        CliResult r = update();
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode j = Json.MAPPER.readTree(r.stdout());
        assertThat(j.path("regions")).hasSize(2);
        assertThat(j.path("regions").get(0).path("region").asText()).isEqualTo("eu-west-1");
        // t3.medium, m6i.large, m8g.large, g5.xlarge; the Windows, dedicated, SQL and reservation rows are not types of their own
        assertThat(j.path("regions").get(1).path("instanceTypes").asInt()).isEqualTo(4);
        assertThat(Files.getPosixFilePermissions(userCatalog())).isEqualTo(PosixFilePermissions.fromString("rw-------"));

        PriceCatalog c = PriceCatalog.load(Environment.of(Map.of("HOME", home.toString())));
        assertThat(c.ec2Hourly("us-east-1", "t3.medium")).isEqualTo(0.0416);   // not Windows 0.06, dedicated 0.0458, reservation 0.0
        assertThat(c.ec2Hourly("us-east-1", "m6i.large")).isEqualTo(0.096);    // not SQL Std 0.216
        assertThat(c.ec2Hourly("us-east-1", "m8g.large")).isEqualTo(0.08976);  // a type the bundled snapshot lacks
        assertThat(c.ec2Hourly("eu-west-1", "t3.medium")).isEqualTo(0.0458);
        assertThat(c.ec2Hourly("us-east-1", "t3.large")).isNull();              // the offer replaced the region's list
        assertThat(c.ebsGbMonth("eu-west-1", "gp3")).isEqualTo(0.088);
        assertThat(c.ebsSnapshotGbMonth("eu-west-1")).isEqualTo(0.055);         // standard tier, not archive
        assertThat(c.ebsIopsMonth("eu-west-1", "io2")).isEqualTo(0.0715);
        assertThat(c.elasticIpHourly("us-east-1", false)).isEqualTo(0.005);
        // 100 GB io2 with 1,000 IOPS in eu-west-1: 100 x 0.1375 + 1,000 x 0.0715
        assertThat(c.ebsMonthly("eu-west-1", "io2", 100, 1000)).isEqualTo(85.25);
        var p = c.provenance("ec2", "eu-west-1");
        assertThat(p.source()).isEqualTo(base() + FILE.formatted("eu-west-1"));
        assertThat(p.date()).isEqualTo("2025-01-10");
        // Sections the EC2 offer does not carry keep their recorded figures and provenance.
        assertThat(c.provenance("s3", "us-east-1").source()).isEqualTo(PriceCatalog.bundled().provenance("s3", "us-east-1").source());
        assertThat(c.ec2Hourly("us-west-2", "t3.medium")).isEqualTo(PriceCatalog.bundled().ec2Hourly("us-west-2", "t3.medium"));

        CliResult calc = run("price", "ec2", "m8g.large", "--output", "json");
        assertThat(Json.MAPPER.readTree(calc.stdout()).path("monthly").asDouble()).isEqualTo(65.52); // 0.08976 x 730
        // Each file fetched once, the offers as streams.
        stub.verify(1, getRequestedFor(urlEqualTo(FILE.formatted("us-east-1"))));
        stub.verify(0, getRequestedFor(urlEqualTo(FILE.formatted("ap-southeast-2"))));
    }

    @Test
    void truncatedOfferFileFailsWithOneLineAndLeavesTheCatalogUntouched() throws Exception {
        assertThat(update().exitCode()).isZero();
        byte[] before = Files.readAllBytes(userCatalog());
        byte[] good = fixture("AmazonEC2-eu-west-1-index.json");
        serve(FILE.formatted("eu-west-1"), Arrays.copyOf(good, good.length / 2));

        CliResult r = update();
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
        assertThat(r.stderr().strip().lines()).hasSize(1);
        assertThat(r.stderr()).contains(FILE.formatted("eu-west-1"), "end-of-input", "line ", "the catalog is unchanged");
        assertThat(r.stdout()).isEmpty();
        assertThat(Files.readAllBytes(userCatalog())).isEqualTo(before);
    }

    @Test
    void errorPagesMissingRegionsAndBadUrlsAreOneLineErrors() throws Exception {
        stub.stubFor(get(urlEqualTo(FILE.formatted("us-east-1"))).willReturn(aResponse().withStatus(503).withBody("<html>busy</html>")));
        CliResult busy = update();
        assertThat(busy.exitCode()).isEqualTo(5);
        assertThat(busy.stderr()).contains("HTTP 503", "the catalog is unchanged");
        assertThat(userCatalog()).doesNotExist();

        serve(FILE.formatted("us-east-1"), "<html>not json</html>".getBytes());
        CliResult html = update();
        assertThat(html.exitCode()).isEqualTo(5);
        assertThat(html.stderr().strip().lines()).hasSize(1);

        CliResult missing = run("price", "update", "--url", base(), "--regions", "sa-east-1");
        assertThat(missing.exitCode()).isEqualTo(5);
        assertThat(missing.stderr()).contains("region_index.json: no region sa-east-1");

        assertThat(run("price", "update", "--url", "ftp://example").exitCode()).isEqualTo(2);
        assertThat(run("price", "update", "--url", base(), "--regions", "mars").exitCode()).isEqualTo(2);
        assertThat(userCatalog()).doesNotExist();
    }

    @Test
    void parserAcceptsTermsBeforeProducts() throws Exception {
        JsonNode doc = Json.MAPPER.readTree(fixture("AmazonEC2-us-east-1-index.json"));
        var reordered = Json.MAPPER.createObjectNode();
        reordered.set("terms", doc.get("terms"));
        reordered.set("products", doc.get("products"));
        var a = Ec2OfferParser.parse(new ByteArrayInputStream(fixture("AmazonEC2-us-east-1-index.json")));
        var b = Ec2OfferParser.parse(new ByteArrayInputStream(Json.MAPPER.writeValueAsBytes(reordered)));
        assertThat(b.instanceHourly()).isEqualTo(a.instanceHourly()).containsEntry("t3.medium", 0.0416);
        assertThat(b.ebsGbMonth()).isEqualTo(a.ebsGbMonth()).containsEntry("snapshot", 0.05);
        assertThat(a.publicIpv4Hourly()).containsOnlyKeys("idleHourly", "inUseHourly");
    }
}
