package labcloud.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import labcloud.core.Json;
import labcloud.core.UsageException;
import labcloud.web.view.DashboardData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real server on loopback, spoken to over HTTP: headers, read-only, escaping, queries, the access token. */
class DashboardServerTest {
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private DashboardServer server;
    private Refresher refresher;

    @AfterEach
    void stop() {
        if (server != null) server.close();
        if (refresher != null) refresher.close();
    }

    private URI start(String bind, AccessToken token) {
        refresher = new Refresher(null, SampleLab::data, Duration.ofMinutes(15), Clock.systemUTC());
        refresher.start();
        server = new DashboardServer(refresher, bind, token).start(0);
        return URI.create("http://127.0.0.1:" + server.port());
    }

    private HttpResponse<String> get(URI base, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).GET();
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/instances", "/storage", "/tags", "/keys", "/activity", "/api/status", "/api/overview",
            "/api/resources", "/api/instances", "/api/storage", "/api/tags", "/api/keys", "/api/activity", "/api/findings",
            "/static/overview.js", "/static/dashboard.css", "/vendor/chart.umd.min.js", "/no-such-page"})
    void everyResponseCarriesTheSecurityHeaders(String path) throws Exception {
        URI base = start("127.0.0.1", null);
        HttpResponse<String> r = get(base, path);
        assertThat(r.statusCode()).isEqualTo(path.equals("/no-such-page") ? 404 : 200);
        assertThat(r.headers().firstValue("Content-Security-Policy")).hasValue(DashboardServer.CSP);
        assertThat(DashboardServer.CSP).contains("script-src 'self'", "frame-ancestors 'none'", "default-src 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        if (path.endsWith(".js")) assertThat(r.headers().firstValue("Content-Type").orElseThrow()).contains("javascript");
    }

    @Test
    void pagesHaveNoInlineScriptOrStyle() throws Exception {
        URI base = start("127.0.0.1", null);
        for (String page : DashboardServer.pages()) {
            String body = get(base, page).body();
            assertThat(body).as(page).doesNotContainPattern("<script(?![^>]*\\bsrc=)").doesNotContain(" style=", "<style", "onclick=");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH"})
    void everythingButGetIsRefused(String method) throws Exception {
        URI base = start("127.0.0.1", null);
        for (String path : new String[] {"/", "/api/resources", "/api/tags"}) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve(path))
                    .method(method, HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(method + " " + path).isEqualTo(405);
            assertThat(r.headers().firstValue("Allow")).hasValue("GET, HEAD");
        }
    }

    @Test
    void tagValuesAreEscapedInEveryPage() throws Exception {
        URI base = start("127.0.0.1", null);
        String instances = get(base, "/instances").body();
        assertThat(instances).doesNotContain(SampleLab.SCRIPT_TAG).doesNotContain("<img src=x")
                .contains("Task=&lt;script&gt;window.__xss=1&lt;/script&gt;")
                .contains("Task=&quot;&gt;&lt;img src=x onerror=&quot;window.__xss=2&quot;&gt;");
        for (String page : DashboardServer.pages()) {
            assertThat(get(base, page).body()).as(page).doesNotContain("<script>window", "<img src=x");
        }
        // JSON carries the raw value (it is data); the content type keeps browsers from rendering it.
        HttpResponse<String> api = get(base, "/api/resources?q=xss");
        assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(Json.MAPPER.readTree(api.body()).get("total").asInt()).isEqualTo(2);
    }

    @Test
    void resourcesCanBeFilteredSortedAndPagedThroughTheUrl() throws Exception {
        URI base = start("127.0.0.1", null);
        JsonNode all = Json.MAPPER.readTree(get(base, "/api/resources").body());
        assertThat(all.get("total").asInt()).isEqualTo(SampleLab.data().resources().size());

        JsonNode sorted = Json.MAPPER.readTree(get(base, "/api/resources?type=ec2-instance&sort=cost&dir=desc").body());
        assertThat(sorted.get("resources").findValuesAsText("id"))
                .containsExactly("i-0aaa000000000002", "i-0aaa000000000004", "i-0aaa000000000001", "i-0aaa000000000003");

        JsonNode filtered = Json.MAPPER.readTree(get(base, "/api/instances?region=us-east-1&owner=alice").body());
        assertThat(filtered.get("total").asInt()).isEqualTo(1);
        assertThat(filtered.get("instances").get(0).get("instanceType").asText()).isEqualTo("t3.micro");
        assertThat(filtered.get("instances").get(0).get("uptimeHours").asDouble()).isEqualTo(120.0);

        JsonNode page = Json.MAPPER.readTree(get(base, "/api/resources?sort=id&limit=2&offset=2").body());
        assertThat(page.get("resources")).hasSize(2);
        assertThat(page.get("resources").get(0).get("id").asText()).isEqualTo("alice");

        String html = get(base, "/instances?project=genomics&sort=cost&dir=asc").body();
        assertThat(html).contains("2 of 4 instances").containsSubsequence("i-0aaa000000000001", "i-0aaa000000000004")
                .doesNotContain("i-0aaa000000000002");
    }

    @Test
    void aBadQueryIsOneClearError() throws Exception {
        URI base = start("127.0.0.1", null);
        HttpResponse<String> r = get(base, "/api/resources?sort=colour");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(r.body()).get("error").asText())
                .isEqualTo("cannot sort by 'colour' (use one of type, id, region, name, state, created, cost, owner, project, instanceType)");
        assertThat(get(base, "/api/resources?limit=lots").statusCode()).isEqualTo(400);
        HttpResponse<String> page = get(base, "/instances?colour=red", "Accept", "text/html");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("unknown query parameter &#39;colour&#39;");
    }

    @Test
    void pagesShowTheFiguresOfTheData() throws Exception {
        URI base = start("127.0.0.1", null);
        assertThat(get(base, "/").body()).contains("$242.40", "missing-tags", "i-0aaa000000000004");
        String storage = get(base, "/storage").body();
        assertThat(storage).contains("class=\"unattached\"", "vol-0bbb000000000001", "931.3 GiB", "$8.00");
        String keys = get(base, "/keys").body();
        assertThat(keys).contains("class=\"overdue\"", "200 d", "no MFA");
        String tags = get(base, "/tags").body();
        assertThat(tags).contains("i-0aaa000000000003", "Email, Owner, Project, Task");
        assertThat(get(base, "/activity").body()).contains("RunInstances ×1", "CreateVolume ×1");
        JsonNode tagsJson = Json.MAPPER.readTree(get(base, "/api/tags").body());
        assertThat(tagsJson.get("byType").findValuesAsText("name")).contains("ec2-instance", "ebs-volume", "s3-bucket");
    }

    @Test
    void aRefreshReplacesWhatThePagesShowAndBigTablesPointToTheApi() throws Exception {
        // The first load is the sample lab; later loads add 1,200 unattached volumes (one named by the load number).
        java.util.concurrent.atomic.AtomicInteger loads = new java.util.concurrent.atomic.AtomicInteger();
        DashboardSource growing = () -> {
            DashboardData d = SampleLab.data();
            int n = loads.getAndIncrement();
            if (n == 0) return d;
            java.util.List<labcloud.inventory.Resource> rs = new java.util.ArrayList<>(d.resources());
            for (int i = 0; i < 1200; i++) {
                rs.add(new labcloud.inventory.Resource(labcloud.inventory.Resource.EBS_VOLUME, String.format("vol-%017d", i),
                        "us-east-1", "bulk-" + n, "available", SampleLab.TAKEN, java.util.Map.of(), 1.0, java.util.Map.of("sizeGb", 10)));
            }
            return new DashboardData(d.snapshot(), rs, d.findings(), d.trend(), d.changes(), d.activity(), d.rules());
        };
        refresher = new Refresher(null, growing, Duration.ofMinutes(15), Clock.systemUTC());
        refresher.start();
        server = new DashboardServer(refresher, "127.0.0.1", null).start(0);
        URI base = URI.create("http://127.0.0.1:" + server.port());
        assertThat(get(base, "/storage").body()).doesNotContain("bulk-");
        assertThat(get(base, "/api/storage").body()).doesNotContain("bulk-");

        assertThat(refresher.refreshNow().lastError()).isNull();
        String storage = get(base, "/storage").body();
        assertThat(storage).contains("bulk-1", "first 500 of 1,202 shown; all of them: /api/storage");
        assertThat(storage.split("<tr data-id=\"vol-", -1)).hasSize(501);
        assertThat(Json.MAPPER.readTree(get(base, "/api/storage").body()).get("volumes")).hasSize(1202);

        assertThat(refresher.refreshNow().lastError()).isNull();
        assertThat(get(base, "/storage").body()).contains("bulk-2").doesNotContain("bulk-1");
    }

    @Test
    void listeningBeyondLoopbackWithoutATokenIsRefused() {
        refresher = new Refresher(null, SampleLab::data, Duration.ofMinutes(15), Clock.systemUTC());
        assertThatThrownBy(() -> new DashboardServer(refresher, "0.0.0.0", null))
                .isInstanceOf(UsageException.class).hasMessageContaining("refusing to listen on 0.0.0.0 without an access token");
    }

    @Test
    void beyondLoopbackEveryRequestNeedsTheToken(@TempDir Path home) throws Exception {
        Path file = home.resolve("dashboard-token");
        AccessToken.Issued issued = AccessToken.create(file);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(file)).startsWith("sha256:").doesNotContain(issued.token());

        URI base = start("0.0.0.0", AccessToken.load(file));
        assertThat(get(base, "/api/resources").statusCode()).isEqualTo(401);
        HttpResponse<String> page = get(base, "/instances");
        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.body()).contains("access token").doesNotContain("i-0aaa");
        assertThat(get(base, "/api/resources", "Authorization", "Bearer wrong-" + issued.token()).statusCode()).isEqualTo(401);
        assertThat(get(base, "/?token=nope").body()).contains("wrong-token");

        HttpResponse<String> ok = get(base, "/api/resources", "Authorization", "Bearer " + issued.token());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("i-0aaa000000000001");

        // ?token= once sets an HttpOnly cookie and redirects to the same view without the token in the address.
        HttpResponse<String> login = get(base, "/instances?region=us-east-1&token=" + issued.token());
        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.headers().firstValue("Location")).hasValue("/instances?region=us-east-1");
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Strict");
        HttpResponse<String> withCookie = get(base, "/instances?region=us-east-1", "Cookie", cookie.split(";")[0]);
        assertThat(withCookie.statusCode()).isEqualTo(200);
        assertThat(withCookie.body()).contains("i-0aaa000000000001");

        // Static scripts and styles are public code and carry no data.
        assertThat(get(base, "/static/overview.js").statusCode()).isEqualTo(200);
    }

    @Test
    void aDamagedTokenFileIsOneClearError(@TempDir Path home) throws Exception {
        Path file = home.resolve("dashboard-token");
        Files.writeString(file, "plaintext-token\n");
        assertThatThrownBy(() -> AccessToken.load(file)).isInstanceOf(UsageException.class)
                .hasMessage(file + ": line 1: expected 'sha256:' and 64 hex digits (delete the file to create a new token)");
    }
}
