package labcloud.web;

import labcloud.web.view.DashboardData;

/**
 * The dashboard's one window on the store: reads the latest snapshot, findings, trend, changes
 * and activity. Everything else in {@code labcloud.web} works on the {@link DashboardData} it returns.
 */
@FunctionalInterface
public interface DashboardSource {
    DashboardData load() throws Exception;
}
