package labcloud.cli;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import labcloud.app.Lab;
import labcloud.cli.convert.RefreshConverter;
import labcloud.cli.output.Output;
import labcloud.core.UsageException;
import labcloud.web.AccessToken;
import labcloud.web.DashboardServer;
import labcloud.web.DashboardSource;
import labcloud.web.LabDashboard;
import labcloud.web.RefreshJob;
import labcloud.web.Refresher;

/** Starts the dashboard, prints its address and serves until Ctrl-C (or until the thread is interrupted, in tests). */
final class DashboardRunner {
    private DashboardRunner() {}

    static int serve(Output out, RefreshJob job, DashboardSource source, Duration every, String bind, int port,
                     AccessToken token) {
        return serve(out, job, source, every, bind, port, token, java.util.List.of());
    }

    static int serve(Output out, RefreshJob job, DashboardSource source, Duration every, String bind, int port,
                     AccessToken token, java.util.List<String> allowHosts) {
        try (Refresher refresher = new Refresher(job, source, every, Clock.systemUTC())) {
            refresher.start();
            DashboardServer server = startServer(refresher, bind, port, token, allowHosts);
            CountDownLatch stopped = new CountDownLatch(1);
            Thread hook = new Thread(() -> {
                server.close();
                stopped.countDown();
            }, "labcloud-dashboard-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                out.line("Dashboard: " + server.uri() + (token != null ? " (access token required)" : ""));
                out.info(every == null ? "Showing what the store holds (no scheduled refresh). Ctrl-C to stop."
                        : "Refreshing inventory and audit every " + describe(every) + ". Ctrl-C to stop.");
                out.stdout().flush();
                stopped.await();
            } catch (InterruptedException e) {
                // Interrupted (in-process runs): stop serving and return like Ctrl-C does.
            } finally {
                server.close();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is already running
                }
            }
            return 0;
        }
    }

    /** The demo's dashboard: refreshed from the emulated account into the demo's own store, port 8080 or any free one. */
    static int serveDemo(Output out, Lab demo) {
        // The demo's lab as its report used it: the same store, policy, regions and bucket sizes.
        LabDashboard lab = LabDashboard.of(demo);
        int port = 8080;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            probe.setReuseAddress(true);
        } catch (java.io.IOException inUse) {
            port = 0;
        }
        return serve(out, lab.refreshJob(), lab.source(), Duration.ofMinutes(15), "127.0.0.1", port, null);
    }

    /** Falls back to any free port when asked for port 0; a port in use is bad input (exit 2). */
    private static DashboardServer startServer(Refresher refresher, String bind, int port, AccessToken token,
                                               java.util.List<String> allowHosts) {
        DashboardServer server = new DashboardServer(refresher, bind, token).allowHosts(allowHosts);
        try {
            return server.start(port);
        } catch (RuntimeException e) {
            server.close();
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof java.net.BindException) {
                    throw new UsageException("--port " + port + ": cannot listen on " + bind + ":" + port + " (" + t.getMessage()
                            + "); choose another port");
                }
            }
            throw e;
        }
    }

    static String describe(Duration d) {
        long s = d.toSeconds();
        if (s % 3600 == 0) return (s / 3600) + "h";
        if (s % 60 == 0) return (s / 60) + "m";
        return s + "s";
    }

    /**
     * "15m", "1h", "90s", "2d", "1w" (the one duration grammar, {@link labcloud.core.Durations});
     * "off" (or 0) turns the scheduled refresh off; less than 10s is refused.
     */
    static Duration parseRefresh(String value) {
        return RefreshConverter.parse(value);
    }
}
