package labcloud.policy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import labcloud.core.ExitCode;
import labcloud.core.LabcloudException;
import labcloud.policy.rules.Finding;
import labcloud.store.Store;

/**
 * Remembers findings between audits (table {@code findings}, migration V3): each finding of a run
 * is "new" or "persisting" with its first-seen time; findings that no longer occur are marked
 * resolved, and count as new again if they come back.
 */
public final class FindingHistory {
    private final Store store;

    public FindingHistory(Store store) {
        this.store = store;
    }

    /**
     * Marks each finding new or persisting and, when {@code save}, records this run.
     *
     * @param complete whether every region and service was read; only then are missing findings
     *                 taken as resolved (a region that failed to answer proves nothing)
     */
    public List<Finding> track(String account, List<Finding> findings, Instant now, boolean save, boolean complete) {
        try (Connection c = store.connect()) {
            c.setAutoCommit(false);
            Map<String, Instant> open = new HashMap<>();
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT finding_key, first_seen FROM findings WHERE account = ? AND resolved_at IS NULL")) {
                q.setString(1, account);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) open.put(rs.getString(1), Instant.parse(rs.getString(2)));
                }
            }
            List<Finding> out = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (Finding f : findings) {
                Instant first = open.get(f.key());
                out.add(first == null ? f.withHistory("new", now, now) : f.withHistory("persisting", first, now));
                seen.add(f.key());
            }
            if (save) {
                upsert(c, account, out);
                if (complete) resolveMissing(c, account, open.keySet(), seen, now);
                c.commit();
            } else {
                c.rollback();
            }
            return out;
        } catch (SQLException e) {
            throw new LabcloudException(ExitCode.FAILED, "cannot record findings in the labcloud store: " + e.getMessage(), e);
        }
    }

    private static void upsert(Connection c, String account, List<Finding> findings) throws SQLException {
        try (PreparedStatement u = c.prepareStatement("""
                INSERT INTO findings (account, finding_key, rule, severity, resource_type, resource_id, region, message,
                                      owner, monthly_cost, first_seen, last_seen, resolved_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)
                ON CONFLICT (account, finding_key) DO UPDATE SET severity = excluded.severity,
                    message = excluded.message, owner = excluded.owner, monthly_cost = excluded.monthly_cost,
                    first_seen = excluded.first_seen, last_seen = excluded.last_seen, resolved_at = NULL""")) {
            for (Finding f : findings) {
                u.setString(1, account);
                u.setString(2, f.key());
                u.setString(3, f.rule());
                u.setString(4, f.severity());
                u.setString(5, f.resourceType());
                u.setString(6, f.resourceId());
                u.setString(7, f.region());
                u.setString(8, f.message());
                u.setString(9, f.owner());
                if (f.monthlyCost() == null) u.setNull(10, java.sql.Types.REAL);
                else u.setDouble(10, f.monthlyCost());
                u.setString(11, f.firstSeen().toString());
                u.setString(12, f.lastSeen().toString());
                u.addBatch();
            }
            u.executeBatch();
        }
    }

    private static void resolveMissing(Connection c, String account, Set<String> open, Set<String> seen, Instant now)
            throws SQLException {
        try (PreparedStatement r = c.prepareStatement(
                "UPDATE findings SET resolved_at = ? WHERE account = ? AND finding_key = ? AND resolved_at IS NULL")) {
            for (String key : open) {
                if (seen.contains(key)) continue;
                r.setString(1, now.toString());
                r.setString(2, account);
                r.setString(3, key);
                r.addBatch();
            }
            r.executeBatch();
        }
    }
}
