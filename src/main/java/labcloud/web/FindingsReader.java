package labcloud.web;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import labcloud.store.Store;
import labcloud.web.view.DashboardData;

/**
 * Reads the audit's finding history (table {@code findings}, written by {@code policy.FindingHistory}):
 * the open findings, and how many were open at given moments (the trend across snapshots).
 */
final class FindingsReader {
    private final Store store;

    FindingsReader(Store store) {
        this.store = store;
    }

    List<DashboardData.Finding> open(String account) throws SQLException {
        List<DashboardData.Finding> out = new ArrayList<>();
        try (Connection c = store.connect();
             PreparedStatement q = c.prepareStatement("SELECT rule, severity, resource_type, resource_id, region, message, "
                     + "first_seen, last_seen FROM findings WHERE account = ? AND resolved_at IS NULL "
                     + "ORDER BY rule, resource_id")) {
            q.setString(1, account);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(new DashboardData.Finding(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), instant(rs.getString(7)), instant(rs.getString(8))));
                }
            }
        }
        return out;
    }

    /** For each moment, the findings open then (first seen by then, not resolved by then), per rule. */
    Map<Instant, Map<String, Integer>> openAt(String account, List<Instant> moments) throws SQLException {
        record Span(String rule, Instant first, Instant resolved) {}
        List<Span> spans = new ArrayList<>();
        try (Connection c = store.connect();
             PreparedStatement q = c.prepareStatement("SELECT rule, first_seen, resolved_at FROM findings WHERE account = ?")) {
            q.setString(1, account);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) spans.add(new Span(rs.getString(1), instant(rs.getString(2)), instant(rs.getString(3))));
            }
        }
        Map<Instant, Map<String, Integer>> out = new LinkedHashMap<>();
        for (Instant t : moments) {
            Map<String, Integer> byRule = new TreeMap<>();
            for (Span s : spans) {
                // A refresh records findings just after its snapshot: allow a few minutes' grace.
                boolean opened = s.first() != null && !s.first().isAfter(t.plusSeconds(600));
                boolean stillOpen = s.resolved() == null || s.resolved().isAfter(t.plusSeconds(600));
                if (opened && stillOpen) byRule.merge(s.rule(), 1, Integer::sum);
            }
            out.put(t, byRule);
        }
        return out;
    }

    private static Instant instant(String s) {
        return s == null ? null : Instant.parse(s);
    }
}
