package labcloud.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import labcloud.demo.MotoServer;

/**
 * A real HTTP Cost Explorer endpoint for the operations moto 5.2 lacks (GetCostForecast,
 * ListCostAllocationTags) and for failures moto cannot produce (throttling, access denied, Cost
 * Explorer never enabled), answering in the API's published JSON format; every other request is
 * proxied to moto. Point labcloud at it with AWS_ENDPOINT_URL_COST_EXPLORER.
 */
public final class CostExplorerStub implements AutoCloseable {
    public static final String TARGET = "AWSInsightsIndexService.";
    private final WireMockServer server;

    public CostExplorerStub(MotoServer moto) {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(moto.endpoint().toString())));
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    public WireMockServer server() {
        return server;
    }

    /** Answers {@code operation} with a 200 and this JSON body. */
    public CostExplorerStub answer(String operation, String json) {
        server.stubFor(post(urlEqualTo("/")).atPriority(1).withHeader("X-Amz-Target", containing(TARGET + operation))
                .willReturn(json(200, json)));
        return this;
    }

    /** Answers {@code operation} with an AWS JSON error (HTTP 400, as Cost Explorer sends its errors). */
    public CostExplorerStub fail(String operation, String type, String message) {
        server.stubFor(post(urlEqualTo("/")).atPriority(1).withHeader("X-Amz-Target", containing(TARGET + operation))
                .willReturn(json(400, "{\"__type\":\"" + type + "\",\"Message\":\"" + message + "\"}")));
        return this;
    }

    /** Refuses the first {@code times} requests for {@code operation} as over the rate limit, then proxies to moto. */
    public CostExplorerStub throttleFirst(String operation, int times) {
        String scenario = "throttle-" + operation;
        for (int i = 0; i < times; i++) {
            server.stubFor(post(urlEqualTo("/")).atPriority(1).withHeader("X-Amz-Target", containing(TARGET + operation))
                    .inScenario(scenario).whenScenarioStateIs(i == 0 ? com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED : "t" + i)
                    .willSetStateTo("t" + (i + 1))
                    .willReturn(json(400, "{\"__type\":\"LimitExceededException\",\"Message\":\"Rate exceeded\"}")));
        }
        return this;
    }

    /** Requests that reached this endpoint for {@code operation}. */
    public int count(String operation) {
        return server.countRequestsMatching(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", containing(TARGET + operation)).build()).getCount();
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body);
    }

    /** A forecast as GetCostForecast returns it. */
    public static String forecast(String start, String end, double mean, double low, double high) {
        return String.format(java.util.Locale.ROOT, "{\"Total\":{\"Amount\":\"%.4f\",\"Unit\":\"USD\"},\"ForecastResultsByTime\":"
                + "[{\"TimePeriod\":{\"Start\":\"%s\",\"End\":\"%s\"},\"MeanValue\":\"%.4f\",\"PredictionIntervalLowerBound\":\"%.4f\","
                + "\"PredictionIntervalUpperBound\":\"%.4f\"}]}", mean, start, end, mean, low, high);
    }

    /** ListCostAllocationTags' answer: Project inactive, Owner active, the others never seen in a bill. */
    public static String tags() {
        return "{\"CostAllocationTags\":[{\"TagKey\":\"Project\",\"Type\":\"UserDefined\",\"Status\":\"Inactive\","
                + "\"LastUpdatedDate\":\"2026-11-02T00:00:00Z\",\"LastUsedDate\":\"2026-12-06T00:00:00Z\"},"
                + "{\"TagKey\":\"Owner\",\"Type\":\"UserDefined\",\"Status\":\"Active\",\"LastUpdatedDate\":\"2026-10-01T00:00:00Z\","
                + "\"LastUsedDate\":\"2026-12-06T00:00:00Z\"}]}";
    }

    @Override
    public void close() {
        server.stop();
    }
}
