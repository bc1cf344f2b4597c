package labcloud.web;

import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import labcloud.web.view.DashboardModel;
import labcloud.web.view.RefreshStatus;

/**
 * Rendered responses (page HTML, API JSON) of the current model and refresh status, by path and
 * query. Both only change on a refresh, so each view is rendered once per refresh and then served
 * as bytes; a new model or status starts an empty cache.
 */
final class ResponseCache {
    /** Enough for every page and the usual filters; beyond it, responses are rendered but not kept. */
    static final int MAX_ENTRIES = 256;

    private record Generation(DashboardModel model, RefreshStatus status, ConcurrentHashMap<String, byte[]> entries) {}

    private final AtomicReference<Generation> current = new AtomicReference<>();

    byte[] get(DashboardModel model, RefreshStatus status, String key, Callable<byte[]> render) throws Exception {
        Generation g = current.get();
        if (g == null || g.model() != model || !g.status().equals(status)) {
            Generation fresh = new Generation(model, status, new ConcurrentHashMap<>());
            g = current.compareAndExchange(g, fresh) == g ? fresh : current.get();
            if (g.model() != model || !g.status().equals(status)) return render.call(); // a refresh raced this request
        }
        byte[] hit = g.entries().get(key);
        if (hit != null) return hit;
        byte[] body = render.call();
        if (g.entries().size() < MAX_ENTRIES) g.entries().putIfAbsent(key, body);
        return body;
    }
}
