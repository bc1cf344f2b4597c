package labcloud.trail;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import labcloud.core.Environment;
import labcloud.core.Json;
import labcloud.testing.CliResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No trail delivers to S3, so `labcloud trail` falls back to LookupEvents, served here by a real
 * HTTP stub (WireMock) with recorded responses in the API's documented JSON format.
 */
class LookupEventsFallbackTest {
    private static final String TARGET = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.";
    private WireMockServer stub;
    private Path home;

    @BeforeEach
    void start() throws IOException {
        stub = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        stub.start();
        home = Files.createTempDirectory("labcloud-lookup-");
        stub.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", containing("DescribeTrails"))
                .willReturn(json("{\"trailList\":[]}")));
        page("us-east-1", null, "us-east-1-page1");
        page("us-east-1", "use1-p2", "us-east-1-page2");
        page("eu-west-1", null, "eu-west-1-page1");
        page("eu-west-1", "euw1-p2", "eu-west-1-page2");
        page("eu-west-1", "euw1-p3", "eu-west-1-page3");
    }

    @AfterEach
    void stop() {
        stub.stop();
    }

    private void page(String region, String token, String file) throws IOException {
        var req = post(urlEqualTo("/")).withHeader("X-Amz-Target", containing("LookupEvents"))
                .withHeader("Authorization", matching(".*/" + region + "/cloudtrail/.*"));
        req = token == null ? req.withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.notContaining("NextToken"))
                : req.withRequestBody(containing("\"NextToken\":\"" + token + "\""));
        stub.stubFor(req.willReturn(json(resource("/trail/lookup-events-" + file + ".json"))));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = LookupEventsFallbackTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private CliResult run(String... args) {
        Map<String, String> vars = new HashMap<>();
        vars.put("HOME", home.toString());
        vars.put("AWS_ACCESS_KEY_ID", "testing");
        vars.put("AWS_SECRET_ACCESS_KEY", "testing-secret-key");
        vars.put("AWS_REGION", "us-east-1");
        vars.put("AWS_ENDPOINT_URL", stub.baseUrl());
        vars.put("AWS_MAX_ATTEMPTS", "2");
        return CliResult.run(Environment.of(vars), args);
    }

    @Test
    void fallsBackToLookupEventsAndFollowsEveryPage() throws Exception {
        CliResult r = run("trail", "--regions", "us-east-1,eu-west-1", "--from", "2026-11-01", "--to", "2026-11-30",
                "--output", "json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode doc = Json.MAPPER.readTree(r.stdout());
        assertThat(doc.get("source").asText()).isEqualTo("lookup-events");
        List<String> ids = new ArrayList<>();
        doc.get("events").forEach(e -> ids.add(e.get("eventId").asText()));
        // oldest first, from both regions, all pages
        assertThat(ids).containsExactly("e-euw1-1", "e-use1-1", "e-use1-2", "e-use1-3", "e-euw1-2", "e-euw1-3");
        JsonNode frank = doc.get("events").get(2);
        assertThat(frank.get("user").asText()).isEqualTo("frank");
        assertThat(frank.get("resources").toString()).contains("i-0fff1111bbbb2222c", "vol-0fff1111bbbb2222c");
        assertThat(frank.get("accessKeyId").isNull()).isTrue();
        assertThat(doc.get("events").get(1).get("accessKeyId").asText()).isEqualTo("AKIA…KE01");
        assertThat(r.stdout()).doesNotContain("AKIAFAKE0FAKE0FAKE01");
    }

    @Test
    void staysUnderTwoRequestsPerSecondPerRegion() {
        CliResult r = run("trail", "--regions", "us-east-1,eu-west-1", "--from", "2026-11-01", "--to", "2026-11-30",
                "--source", "api");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        Map<String, List<Long>> times = new HashMap<>();
        for (ServeEvent e : stub.getAllServeEvents()) {
            if (!e.getRequest().getHeader("X-Amz-Target").equals(TARGET + "LookupEvents")) continue;
            String auth = e.getRequest().getHeader("Authorization");
            String region = auth.split("Credential=")[1].split("/")[2];
            times.computeIfAbsent(region, k -> new ArrayList<>()).add(e.getRequest().getLoggedDate().getTime());
        }
        assertThat(times.get("us-east-1")).hasSize(2);
        assertThat(times.get("eu-west-1")).hasSize(3);
        // AWS's limit is 2 per second per region as the server counts them: no 1-second window may
        // hold a third request. (Gaps between two arrivals say less: the client spaces its sends,
        // and a loaded machine can delay one request in transit and bunch it with the next.)
        for (List<Long> t : times.values()) {
            t.sort(Comparator.naturalOrder());
            for (int i = 2; i < t.size(); i++) assertThat(t.get(i) - t.get(i - 2)).isGreaterThanOrEqualTo(1000);
        }
    }

    @Test
    void filtersLocallyWhatTheApiCannotCombine() throws Exception {
        // LookupEvents takes one attribute: the user goes to the API, the event name is filtered here
        CliResult r = run("trail", "--regions", "us-east-1,eu-west-1", "--from", "2026-11-01", "--to", "2026-11-30",
                "--user", "erin", "--event", "CreateVolume", "--output", "json");
        JsonNode doc = Json.MAPPER.readTree(r.stdout());
        assertThat(doc.get("events")).hasSize(1);
        assertThat(doc.get("events").get(0).get("eventId").asText()).isEqualTo("e-euw1-3");
        boolean sentEventName = stub.getAllServeEvents().stream().map(e -> e.getRequest().getBodyAsString())
                .anyMatch(b -> b.contains("\"AttributeKey\":\"EventName\""));
        assertThat(sentEventName).isTrue();
    }
}
