package labcloud.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import labcloud.app.Failures;
import labcloud.core.LabcloudException;
import labcloud.core.Redactor;
import labcloud.web.view.DashboardData;
import labcloud.web.view.DashboardModel;
import labcloud.web.view.RefreshStatus;

/**
 * Keeps the dashboard's data fresh: runs the refresh job (collect from AWS, save to the store)
 * on a schedule, then reloads the model from the store. A refresh that fails leaves the last good
 * model in place and records the error, which the pages show until a later refresh succeeds.
 */
public final class Refresher implements AutoCloseable {
    private final RefreshJob job;
    private final DashboardSource source;
    private final Duration every;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private volatile DashboardModel model;
    private volatile RefreshStatus status = RefreshStatus.NEVER;
    private volatile Runnable onReload = () -> {};

    /** @param job the collection to run on schedule, or null to only show what the store holds */
    public Refresher(RefreshJob job, DashboardSource source, Duration every, Clock clock) {
        this.job = job;
        this.source = source;
        this.every = every;
        this.clock = clock;
        this.model = new DashboardModel(DashboardData.empty(DashboardData.Rules.DEFAULT));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "labcloud-dashboard-refresh");
            t.setDaemon(true);
            return t;
        });
    }

    /** Shows what the store already holds, then refreshes now (in the background) and every {@code every}. */
    public void start() {
        reload();
        if (job != null) {
            status = new RefreshStatus(status.lastAttempt(), status.lastSuccess(), status.lastError(), clock.instant());
            scheduler.scheduleWithFixedDelay(this::refreshNow, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Runs one refresh (the job, then a reload) and returns the resulting status; never throws. */
    public synchronized RefreshStatus refreshNow() {
        Instant started = clock.instant();
        Instant next = job == null ? null : started.plus(every);
        try {
            if (job != null) job.run();
            model = new DashboardModel(source.load());
            status = new RefreshStatus(started, clock.instant(), null, next);
        } catch (Exception | LinkageError e) {
            status = new RefreshStatus(started, status.lastSuccess(), describe(e), next);
        }
        reloaded();
        return status;
    }

    /** Loads what the store holds without collecting anything. */
    public synchronized void reload() {
        try {
            model = new DashboardModel(source.load());
        } catch (Exception e) {
            status = new RefreshStatus(clock.instant(), status.lastSuccess(), describe(e), status.nextRefresh());
        }
        reloaded();
    }

    /** Runs {@code action} after each refresh or reload, with the new model and status in place (the server pre-renders its pages). */
    public void onReload(Runnable action) {
        onReload = action;
    }

    private void reloaded() {
        try {
            onReload.run();
        } catch (RuntimeException e) {
            // pre-rendering is an optimisation; the pages render on request instead
        }
    }

    public DashboardModel model() {
        return model;
    }

    public RefreshStatus status() {
        return status;
    }

    public Duration every() {
        return every;
    }

    /** One line for the page banner: classified like CLI errors, with secrets masked. */
    static String describe(Throwable e) {
        LabcloudException le = e instanceof Exception ex ? Failures.classify(ex) : null;
        String msg = le != null ? le.getMessage() : e.toString();
        if (msg == null || msg.isBlank()) msg = e.getClass().getSimpleName();
        return Redactor.all(msg.replace('\n', ' ').replace('\r', ' ').trim());
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
