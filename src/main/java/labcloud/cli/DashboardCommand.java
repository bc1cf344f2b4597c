package labcloud.cli;

import java.nio.file.Path;
import java.time.Duration;
import labcloud.app.Lab;
import labcloud.cli.convert.RefreshConverter;
import labcloud.core.Redactor;
import labcloud.core.UsageException;
import labcloud.web.AccessToken;
import labcloud.web.DashboardServer;
import labcloud.web.LabDashboard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "dashboard", description = "Serve the lab's dashboard: a read-only web UI and JSON API over the store, "
        + "refreshing inventory and audit on a schedule.")
public final class DashboardCommand extends BaseCommand {
    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "port to listen on (default: 8080; 0 = any free port)")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "address to listen on (default: 127.0.0.1); anything but loopback requires the access token")
    String bind;

    @Option(names = "--refresh", paramLabel = "DURATION", defaultValue = "15m", converter = RefreshConverter.class,
            description = "collect inventory and audit this often (default: 15m; e.g. 1h, 90s); 'off' shows what the store holds")
    Duration refresh;

    @Option(names = "--allow-host", paramLabel = "NAME",
            description = "also answer requests addressed to this host name (or name:port), e.g. behind a reverse proxy (repeatable); "
                    + "others get 421, which keeps DNS rebinding out")
    java.util.List<String> allowHosts = new java.util.ArrayList<>();

    @Option(names = "--new-token", description = "create a new access token (shown once) and require it, even on loopback")
    boolean newToken;

    @Override
    protected int run() {
        if (port < 0 || port > 65535) throw new UsageException("--port: expected 0 to 65535, not " + port);
        Duration every = refresh;
        AccessToken token = accessToken();
        LabDashboard lab = LabDashboard.of(every == null ? Lab.storeOnly(env()) : account().lab(null));
        return DashboardRunner.serve(out(), every == null ? null : lab.refreshJob(), lab.source(), every, bind, port, token, allowHosts);
    }

    /** Beyond loopback (or when asked) the token is required: the stored one, or a new one shown exactly once. */
    private AccessToken accessToken() {
        if (DashboardServer.isLoopback(bind) && !newToken) return null;
        Path file = AccessToken.file(env());
        AccessToken existing = newToken ? null : AccessToken.load(file);
        if (existing != null) {
            out().info("Access token: the one shown when " + file + " was created (--new-token replaces it).");
            return existing;
        }
        AccessToken.Issued issued = AccessToken.create(file);
        out().line("Access token (shown once; only its hash is kept, in " + file + "):");
        out().line("  " + issued.token());
        out().line("Open " + "the dashboard's address with ?token=<token> once, or send 'Authorization: Bearer <token>'.");
        Redactor.register(issued.token());
        return issued.verifier();
    }
}
