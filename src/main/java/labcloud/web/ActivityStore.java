package labcloud.web;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import labcloud.store.Store;
import labcloud.web.view.DashboardData;

/** The recent CloudTrail activity the dashboard shows, replaced as a whole on each refresh (table dashboard_activity). */
public final class ActivityStore {
    private final Store store;

    public ActivityStore(Store store) {
        this.store = store;
    }

    public void replace(String account, List<DashboardData.Activity> events) throws SQLException {
        try (Connection c = store.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement del = c.prepareStatement("DELETE FROM dashboard_activity WHERE account = ?");
                 PreparedStatement ins = c.prepareStatement("INSERT INTO dashboard_activity "
                         + "(account, time, user_name, event, resource_id, region, source_ip) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                del.setString(1, account);
                del.executeUpdate();
                for (DashboardData.Activity e : events) {
                    ins.setString(1, account);
                    ins.setString(2, e.time().toString());
                    ins.setString(3, e.user());
                    ins.setString(4, e.event());
                    ins.setString(5, e.resourceId());
                    ins.setString(6, e.region());
                    ins.setString(7, e.sourceIp());
                    ins.addBatch();
                }
                ins.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** The newest {@code limit} events of the account, newest first. */
    public List<DashboardData.Activity> recent(String account, int limit) throws SQLException {
        List<DashboardData.Activity> out = new ArrayList<>();
        try (Connection c = store.connect();
             PreparedStatement q = c.prepareStatement("SELECT time, user_name, event, resource_id, region, source_ip "
                     + "FROM dashboard_activity WHERE account = ? ORDER BY time DESC LIMIT ?")) {
            q.setString(1, account);
            q.setInt(2, limit);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(new DashboardData.Activity(Instant.parse(rs.getString(1)), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6)));
                }
            }
        }
        return out;
    }
}
