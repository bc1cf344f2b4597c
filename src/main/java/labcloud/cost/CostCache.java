package labcloud.cost;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import labcloud.core.ExitCode;
import labcloud.core.Json;
import labcloud.core.LabcloudException;
import labcloud.store.Store;

/**
 * Cost Explorer answers kept in the store with the time they were fetched (table ce_answer):
 * each request costs $0.01, so an answer is reused until it is older than the allowed age.
 */
public final class CostCache {
    static final ObjectMapper READER = Json.MAPPER.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** A cached answer and when it was fetched. */
    public record Entry<T>(T value, Instant fetchedAt) {}

    private final Store store;
    private final String account;

    public CostCache(Store store, String account) {
        this.store = store;
        this.account = account;
    }

    /** The answer to {@code key} if it was fetched less than {@code maxAge} before {@code now}. */
    public <T> Optional<Entry<T>> get(String key, JavaType type, Duration maxAge, Instant now) {
        try (Connection c = store.connect();
             PreparedStatement ps = c.prepareStatement("SELECT answer, fetched_at FROM ce_answer WHERE account = ? AND request_key = ?")) {
            ps.setString(1, account);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                Instant fetched = Instant.parse(rs.getString(2));
                if (fetched.isAfter(now) || Duration.between(fetched, now).compareTo(maxAge) >= 0) return Optional.empty();
                T value = READER.readValue(rs.getString(1), type);
                return Optional.of(new Entry<>(value, fetched));
            }
        } catch (java.io.IOException e) {
            return Optional.empty(); // an unreadable entry is as good as none: fetched again, it is replaced
        } catch (SQLException e) {
            throw new LabcloudException(ExitCode.FAILED, "cannot read the Cost Explorer cache: " + e.getMessage(), e);
        }
    }

    public void put(String key, Object value, Instant fetchedAt) {
        try (Connection c = store.connect();
             PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO ce_answer (account, request_key, answer, fetched_at) "
                     + "VALUES (?, ?, ?, ?)")) {
            ps.setString(1, account);
            ps.setString(2, key);
            ps.setString(3, Json.MAPPER.writeValueAsString(value));
            ps.setString(4, fetchedAt.toString());
            ps.executeUpdate();
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new LabcloudException(ExitCode.FAILED, "cannot write the Cost Explorer cache: " + e.getMessage(), e);
        }
    }
}
