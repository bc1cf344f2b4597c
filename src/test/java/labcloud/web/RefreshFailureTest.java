package labcloud.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import labcloud.app.Lab;
import labcloud.aws.AwsContext;
import labcloud.aws.AwsSettings;
import labcloud.core.Environment;
import labcloud.policy.PolicyLoader;
import labcloud.store.Store;
import labcloud.testing.FaultProxy;
import labcloud.testing.Moto;
import labcloud.testing.TestLab;
import labcloud.web.view.DashboardData;
import labcloud.web.view.RefreshStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ec2.model.InstanceType;

/**
 * The real refresh (inventory + audit into the store) against moto behind a fault proxy: when AWS
 * stops answering, the dashboard keeps the last good snapshot and shows why the refresh failed.
 */
@ExtendWith(Moto.class)
class RefreshFailureTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aFailedRefreshKeepsTheLastGoodSnapshotAndShowsTheError(TestLab lab) throws Exception {
        lab.aws().ec2("us-east-1").runInstances(b -> b.imageId("ami-0a1b2c3d4e5f60718").instanceType(InstanceType.T3_MICRO)
                .minCount(2).maxCount(2));
        try (FaultProxy proxy = new FaultProxy(lab.moto().endpoint())) {
            Map<String, String> vars = new HashMap<>(lab.vars());
            vars.put("AWS_ENDPOINT_URL", proxy.endpoint().toString());
            vars.put("AWS_MAX_ATTEMPTS", "1");
            Environment env = Environment.of(vars);
            Store store = Store.open(env);
            try (AwsContext aws = new AwsContext(AwsSettings.defaults(), env);
                 Refresher refresher = refresher(LabDashboard.of(Lab.of(aws, store, java.util.List.of("us-east-1"), PolicyLoader.builtIn())));
                 DashboardServer server = new DashboardServer(refresher, "127.0.0.1", null).start(0)) {
                RefreshStatus ok = refresher.refreshNow();
                assertThat(ok.lastError()).isNull();
                DashboardData good = refresher.model().data();
                assertThat(good.snapshot()).isNotNull();
                assertThat(refresher.model().instances()).hasSize(2);

                // AWS now refuses every request.
                proxy.rule(r -> new FaultProxy.Fault.Respond(503, "text/xml",
                        "<ErrorResponse><Error><Code>ServiceUnavailable</Code><Message>Service is down for the test</Message>"
                                + "</Error></ErrorResponse>"));
                RefreshStatus failed = refresher.refreshNow();
                assertThat(failed.failing()).isTrue();
                assertThat(failed.lastSuccess()).isEqualTo(ok.lastSuccess());
                assertThat(refresher.model().data()).isSameAs(good);

                String page = get(server.uri().resolve("/instances"));
                assertThat(page).contains("id=\"refresh-error\"", "The last refresh failed", "showing the last good snapshot");
                assertThat(page).contains("2 of 2 instances");
                assertThat(get(server.uri().resolve("/api/status"))).contains("\"lastError\":\"");

                // Once AWS answers again, the next refresh clears the banner.
                proxy.rule(r -> FaultProxy.Fault.NONE);
                assertThat(refresher.refreshNow().failing()).isFalse();
                assertThat(get(server.uri().resolve("/instances"))).doesNotContain("refresh-error").contains("2 of 2 instances");
                assertThat(refresher.model().data().snapshot().id()).isNotEqualTo(good.snapshot().id());
            }
        }
    }

    private static Refresher refresher(LabDashboard lab) {
        return new Refresher(lab.refreshJob(), lab.source(), Duration.ofHours(1), Clock.systemUTC());
    }

    private String get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
