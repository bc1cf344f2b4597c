package labcloud.cost;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import labcloud.core.ExitCode;
import labcloud.core.Json;
import labcloud.core.LabcloudException;
import labcloud.store.Store;

/** The spend reports `labcloud cost` made, kept in the store (table spend_report) for the dashboard and the audit. */
public final class SpendStore {
    /** Reports kept per account: enough for a history, small enough to never matter. */
    static final int KEEP = 50;

    private final Store store;

    public SpendStore(Store store) {
        this.store = store;
    }

    public void save(Spend spend) {
        try (Connection c = store.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO spend_report (account, generated_at, document) VALUES (?, ?, ?)")) {
                ps.setString(1, spend.account());
                ps.setString(2, spend.generatedAt().toString());
                ps.setString(3, Json.MAPPER.writeValueAsString(spend));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM spend_report WHERE account = ? AND id NOT IN "
                    + "(SELECT id FROM spend_report WHERE account = ? ORDER BY id DESC LIMIT " + KEEP + ")")) {
                ps.setString(1, spend.account());
                ps.setString(2, spend.account());
                ps.executeUpdate();
            }
            c.commit();
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new LabcloudException(ExitCode.FAILED, "cannot save the spend report in the store: " + e.getMessage(), e);
        }
    }

    /** The latest report for {@code account}, or for any account when it is null. */
    public Optional<Spend> latest(String account) {
        String sql = "SELECT document FROM spend_report" + (account == null ? "" : " WHERE account = ?") + " ORDER BY id DESC LIMIT 1";
        try (Connection c = store.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (account != null) ps.setString(1, account);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(CostCache.READER.readValue(rs.getString(1), Spend.class));
            }
        } catch (SQLException | java.io.IOException e) {
            throw new LabcloudException(ExitCode.FAILED, "cannot read the spend report from the store: " + e.getMessage(), e);
        }
    }
}
