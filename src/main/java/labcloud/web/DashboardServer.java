package labcloud.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import labcloud.core.Fields;
import labcloud.core.Json;
import labcloud.core.UsageException;
import labcloud.app.AdviceService;
import labcloud.web.page.ActivityPage;
import labcloud.web.page.AdvicePage;
import labcloud.web.page.Html;
import labcloud.web.page.InstancesPage;
import labcloud.web.page.KeysPage;
import labcloud.web.page.OverviewPage;
import labcloud.web.page.SpendPage;
import labcloud.web.page.StoragePage;
import labcloud.web.page.TagsPage;
import labcloud.web.view.BadQueryException;
import labcloud.web.view.DashboardModel;
import labcloud.web.view.RefreshStatus;
import labcloud.web.view.ResourceQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's HTTP server: the pages and the JSON API under {@code /api/}, over whatever
 * model the {@link Refresher} currently holds. GET only (nothing here can change AWS), strict
 * security headers on every response, and an access token whenever it listens beyond loopback.
 */
public final class DashboardServer implements AutoCloseable {
    /** No inline script or style anywhere: scripts and styles come from this server's static files. */
    public static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    static final String COOKIE = "labcloud_token";
    private static final String STARTED = "labcloud.started";
    private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);

    private final Refresher refresher;
    private final String bind;
    private final AccessToken token;
    private final ResponseCache cache = new ResponseCache();
    private final HostCheck hosts = new HostCheck();
    private Javalin app;
    private volatile AdviceService advice;
    private volatile labcloud.core.Environment adviceEnv = labcloud.core.Environment.system();

    /**
     * @param token required (non-null) unless {@code bind} is a loopback address; when given, every
     *              request must present it, loopback or not
     */
    public DashboardServer(Refresher refresher, String bind, AccessToken token) {
        this.refresher = refresher;
        this.bind = bind;
        this.token = token;
        if (token == null && !isLoopback(bind)) {
            throw new UsageException("refusing to listen on " + bind + " without an access token: "
                    + "outside loopback the dashboard needs one (labcloud dashboard creates it)");
        }
    }

    public static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new UsageException("--bind: unknown host or address '" + host + "'");
        }
    }

    /**
     * Host names (or name:port) besides the listening address that requests may be addressed to,
     * e.g. a name behind a reverse proxy. Without them only the address the dashboard listens on
     * is answered (and localhost on loopback): that shuts out DNS rebinding.
     */
    public DashboardServer allowHosts(List<String> names) {
        names.forEach(hosts::allowName);
        return this;
    }

    public DashboardServer start(int port) {
        app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.useVirtualThreads = true;
            config.staticFiles.add(sf -> {
                sf.hostedPath = "/static";
                sf.directory = "/web/static";
                sf.location = Location.CLASSPATH;
                sf.headers = Map.of("Cache-Control", "max-age=300");
            });
            config.staticFiles.add(sf -> {
                sf.hostedPath = "/vendor";
                sf.directory = "/web/vendor";
                sf.location = Location.CLASSPATH;
                sf.headers = Map.of("Cache-Control", "max-age=86400");
            });
        });
        app.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
        app.before(this::secure);
        app.before(this::checkHost);
        app.before(this::authenticate);

        app.get("/api/status", ctx -> json(ctx, Json.MAPPER.writeValueAsBytes(statusJson())));
        VIEWS.forEach((path, view) -> app.get(path, ctx -> serve(ctx, path, view)));
        app.get("/advice", this::advicePage);
        app.get("/api/advice", this::adviceApi);
        app.get("/api/advice/tree", ctx -> json(ctx, Json.MAPPER.writeValueAsBytes(AdviceView.tree(adviceService()))));

        // How long the server spent on the request (benchmarks and browser dev tools read it).
        app.after(ctx -> {
            Long t0 = ctx.attribute(STARTED);
            if (t0 != null) {
                ctx.header("Server-Timing", String.format(java.util.Locale.ROOT, "app;dur=%.2f", (System.nanoTime() - t0) / 1e6));
            }
        });
        app.exception(BadQueryException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
        app.exception(AdviceUnavailable.class, (e, ctx) -> error(ctx, 500, "the advice tree cannot be read: " + e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.warn("dashboard request {} failed", ctx.path(), e);
            error(ctx, 500, "internal error (see the dashboard's log)");
        });
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) error(ctx, 404, "no such page: " + ctx.path());
        });
        app.start(bind, port);
        hosts.listening(bind, app.port());
        refresher.onReload(this::warm);
        Thread.ofVirtual().name("labcloud-dashboard-warm").start(this::warm);
        return this;
    }

    /**
     * Where the Advice page finds the lab's tree (~/.labcloud/advice.yaml, else the bundled one) and
     * the price catalog. Read on first use, so a bad tree file shows on that page and does not stop the dashboard.
     */
    public DashboardServer adviceFrom(labcloud.core.Environment env) {
        this.adviceEnv = env;
        this.advice = null;
        return this;
    }

    private AdviceService adviceService() {
        AdviceService s = advice;
        if (s == null) {
            try {
                s = AdviceService.load(adviceEnv, null);
            } catch (UsageException e) {
                throw new AdviceUnavailable(e.getMessage());
            }
            advice = s;
        }
        return s;
    }

    /** The lab's advice tree file is broken: said on the page, the rest of the dashboard works. */
    private static final class AdviceUnavailable extends RuntimeException {
        AdviceUnavailable(String message) {
            super(message);
        }
    }

    private void advicePage(Context ctx) {
        AdviceView.Request r = AdviceView.request(ctx.queryParamMap());
        var answer = r.error() == null && r.asked() ? AdviceView.answer(adviceService(), r) : null;
        String error = r.error() != null ? r.error() : answer == null ? null : answer.error();
        ctx.header("Cache-Control", "no-store");
        ctx.status(error == null ? 200 : 400).contentType("text/html; charset=utf-8").result(AdvicePage.render(model(), status(),
                adviceService(), r.values(), r.region(), answer == null ? null : answer.advice(), error));
    }

    private void adviceApi(Context ctx) throws Exception {
        AdviceView.Request r = AdviceView.request(ctx.queryParamMap());
        if (r.error() != null) throw new BadQueryException(r.error());
        var answer = AdviceView.answer(adviceService(), r);
        if (answer.error() != null) throw new BadQueryException(answer.error());
        json(ctx, Json.MAPPER.writeValueAsBytes(answer.advice()));
    }

    public URI uri() {
        String host = bind.contains(":") ? "[" + bind + "]" : bind;
        return URI.create("http://" + host + ":" + app.port() + "/");
    }

    public int port() {
        return app.port();
    }

    private DashboardModel model() {
        return refresher.model();
    }

    private RefreshStatus status() {
        return refresher.status();
    }

    private Map<String, Object> statusJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("snapshot", model().data().snapshot());
        m.put("refresh", status());
        m.put("refreshEvery", refresher.every() == null ? null : refresher.every().toString());
        return m;
    }

    /** Read-only, and headers that keep the pages from being framed, sniffed or fed foreign script. */
    private void secure(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
        String method = ctx.method().name();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            ctx.header("Allow", "GET, HEAD");
            error(ctx, 405, "the dashboard is read-only: " + method + " is not allowed");
            ctx.skipRemainingHandlers();
        }
    }

    /**
     * A request must name this server in its Host header: a page on another site whose name
     * was rebound to 127.0.0.1 reaches the socket but names its own host, and gets 421.
     */
    private void checkHost(Context ctx) {
        if (ctx.res().getStatus() == 405) return;
        if (hosts.allows(ctx.header("Host"))) return;
        error(ctx, 421, "this dashboard answers only requests addressed to " + hosts.describe()
                + " (labcloud dashboard --allow-host NAME adds a name)");
        ctx.skipRemainingHandlers();
    }

    /**
     * With a token configured, a request needs it as a bearer token, or the cookie set after
     * {@code ?token=} was given once (the redirect drops it from the address bar and history).
     * Scripts and styles are public code and need no token.
     */
    private void authenticate(Context ctx) {
        if (token == null || ctx.res().getStatus() == 405) return;
        String path = ctx.path();
        if (path.startsWith("/static/") || path.startsWith("/vendor/")) return;
        String auth = ctx.header("Authorization");
        if (auth != null && auth.startsWith("Bearer ") && token.matches(auth.substring(7).trim())) return;
        if (token.matches(ctx.cookie(COOKIE))) {
            if (ctx.queryParam("token") != null) redirectWithoutToken(ctx);
            return;
        }
        String presented = ctx.queryParam("token");
        if (presented != null && token.matches(presented)) {
            ctx.header("Set-Cookie", COOKIE + "=" + presented + "; Path=/; HttpOnly; SameSite=Strict");
            redirectWithoutToken(ctx);
            return;
        }
        ctx.header("WWW-Authenticate", "Bearer realm=\"labcloud dashboard\"");
        if (path.startsWith("/api/")) {
            error(ctx, 401, "an access token is required (Authorization: Bearer TOKEN)");
        } else {
            ctx.status(401).contentType("text/html; charset=utf-8").result(loginPage(presented != null));
        }
        ctx.skipRemainingHandlers();
    }

    private static void redirectWithoutToken(Context ctx) {
        Map<String, String> rest = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((k, v) -> {
            if (!k.equals("token") && !v.isEmpty()) rest.put(k, v.get(0));
        });
        ctx.header("Location", localPath(ctx.path()) + Html.query(rest));
        ctx.status(303).result("");
        ctx.skipRemainingHandlers();
    }

    /**
     * Where a redirect may point: a plain path on this server. "//evil.example", "/\\evil" or
     * encoded forms of them would leave the site (an open redirect), so anything else goes to "/".
     */
    static String localPath(String path) {
        if (path == null || !path.matches("(/[A-Za-z0-9._~-]+)+/?")) return "/"; // no empty segment: "//" starts a host
        return path;
    }

    private static String loginPage(boolean wrong) {
        Html h = new Html();
        h.raw("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>labcloud · token required</title>"
                + "<link rel=\"stylesheet\" href=\"/static/dashboard.css\"></head><body><main class=\"login\">"
                + "<h1>labcloud dashboard</h1><p>This dashboard needs the access token that was shown when it was created.</p>");
        if (wrong) h.raw("<p class=\"banner error\" id=\"wrong-token\">That token is not the right one.</p>");
        h.raw("<form method=\"get\" action=\"/\"><label>Token <input type=\"password\" name=\"token\" autocomplete=\"off\">"
                + "</label> <button type=\"submit\">Open</button></form></main></body></html>\n");
        return h.toString();
    }

    private static ResourceQuery query(Context ctx) {
        return ResourceQuery.from(ctx.queryParamMap());
    }

    /** A page or API view of one model and refresh status; {@code query} parses the URL's filters when asked. */
    private interface View {
        Object render(DashboardModel model, RefreshStatus status, Supplier<ResourceQuery> query) throws Exception;
    }

    /** Every page and API view (besides /api/status); pages are those outside /api/. */
    private static final Map<String, View> VIEWS = new LinkedHashMap<>();

    static {
        VIEWS.put("/", (m, st, q) -> OverviewPage.render(m, st));
        VIEWS.put("/instances", (m, st, q) -> InstancesPage.render(m, st, q.get()));
        VIEWS.put("/storage", (m, st, q) -> StoragePage.render(m, st));
        VIEWS.put("/tags", (m, st, q) -> TagsPage.render(m, st));
        VIEWS.put("/keys", (m, st, q) -> KeysPage.render(m, st));
        VIEWS.put("/activity", (m, st, q) -> ActivityPage.render(m, st));
        VIEWS.put("/spend", (m, st, q) -> SpendPage.render(m, st));
        VIEWS.put("/api/overview", (m, st, q) -> m.overview());
        VIEWS.put("/api/resources", (m, st, q) -> q.get().page(m.data().resources()));
        VIEWS.put("/api/instances", (m, st, q) -> {
            ResourceQuery.Page p = q.get().withType(null).page(m.instances());
            return Fields.of("total", p.total(), "offset", p.offset(), "limit", p.limit(),
                    "instances", p.resources().stream().map(m::instanceRow).toList());
        });
        VIEWS.put("/api/storage", (m, st, q) -> m.storage());
        VIEWS.put("/api/tags", (m, st, q) -> m.tags());
        VIEWS.put("/api/keys", (m, st, q) -> m.keys());
        VIEWS.put("/api/activity", (m, st, q) -> m.activity());
        VIEWS.put("/api/findings", (m, st, q) -> Map.of("findings", m.data().findings()));
        VIEWS.put("/api/spend", (m, st, q) -> SpendPage.api(m));
    }

    private void serve(Context ctx, String path, View view) throws Exception {
        DashboardModel m = model();
        RefreshStatus st = status();
        byte[] body = cache.get(m, st, key(ctx), () -> bytes(view.render(m, st, () -> query(ctx))));
        ctx.header("Cache-Control", "no-store");
        ctx.contentType(path.startsWith("/api/") ? "application/json" : "text/html; charset=utf-8").result(body);
    }

    /**
     * Renders every view (without filters) of the current model into the cache, so that the first
     * visitor after a refresh is served as fast as the next ones. Runs after each reload.
     */
    void warm() {
        long t0 = System.nanoTime();
        DashboardModel m = model();
        RefreshStatus st = status();
        for (var e : VIEWS.entrySet()) {
            try {
                cache.get(m, st, e.getKey(), () -> bytes(e.getValue().render(m, st, () -> ResourceQuery.from(Map.of()))));
            } catch (Exception ex) {
                LOG.warn("dashboard: cannot render {}", e.getKey(), ex);
            }
        }
        LOG.info("dashboard: rendered {} views of snapshot {} in {} ms", VIEWS.size(),
                m.data().snapshot() == null ? "(none)" : m.data().snapshot().id(), (System.nanoTime() - t0) / 1_000_000);
    }

    private static byte[] bytes(Object rendered) throws Exception {
        return rendered instanceof String html ? html.getBytes(StandardCharsets.UTF_8) : Json.MAPPER.writeValueAsBytes(rendered);
    }

    private static String key(Context ctx) {
        String q = ctx.queryString();
        return q == null || q.isEmpty() ? ctx.path() : ctx.path() + "?" + q;
    }

    private static void json(Context ctx, byte[] body) {
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("application/json").result(body);
    }

    private static void error(Context ctx, int status, String message) {
        ctx.status(status).header("Cache-Control", "no-store");
        if (ctx.path().startsWith("/api/") || !acceptsHtml(ctx)) {
            ctx.contentType("application/json");
            try {
                ctx.result(Json.MAPPER.writeValueAsBytes(Fields.of("error", message, "status", status)));
            } catch (Exception e) {
                ctx.result("{\"error\":\"internal error\"}");
            }
        } else {
            ctx.contentType("text/html; charset=utf-8").result(new Html()
                    .raw("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>labcloud · error</title>"
                            + "<link rel=\"stylesheet\" href=\"/static/dashboard.css\"></head><body><main><h1>")
                    .text(status).raw("</h1><p id=\"error\">").text(message).raw("</p><p><a href=\"/\">Overview</a></p></main></body></html>\n")
                    .toString());
        }
    }

    private static boolean acceptsHtml(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("text/html");
    }

    @Override
    public void close() {
        refresher.onReload(() -> {});
        if (app != null) app.stop();
    }

    public static List<String> pages() {
        return List.of("/", "/instances", "/storage", "/tags", "/keys", "/activity", "/advice", "/spend");
    }
}
