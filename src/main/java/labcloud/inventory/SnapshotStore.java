package labcloud.inventory;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import labcloud.core.ExitCode;
import labcloud.core.Json;
import labcloud.core.LabcloudException;
import labcloud.core.RegionError;
import labcloud.store.Store;

/**
 * Inventory snapshots in the store: every run is saved whole, so later runs can be compared with
 * it ({@code inventory --changes}) and the dashboard can read the latest state and history.
 */
public final class SnapshotStore {
    /** A saved run without its resources. */
    public record Snapshot(long id, String account, Instant generatedAt, List<String> regions, Set<String> types,
                           int resourceCount, double monthlyCost, int errorCount) {}

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<List<RegionError>> ERRORS = new TypeReference<>() {};
    private static final TypeReference<Map<String, String>> TAGS = new TypeReference<>() {};
    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {};

    private final Store store;

    public SnapshotStore(Store store) {
        this.store = store;
    }

    /** Saves a run in one transaction and returns its snapshot id. */
    public long save(Inventory inv, Set<String> types) {
        try (Connection c = store.connect()) {
            c.setAutoCommit(false);
            try {
                long id;
                try (PreparedStatement s = c.prepareStatement("INSERT INTO inventory_snapshot (account, generated_at, regions, "
                        + "types, errors, resource_count, monthly_cost) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    s.setString(1, inv.account());
                    s.setString(2, inv.generatedAt().toString());
                    s.setString(3, Json.MAPPER.writeValueAsString(inv.regions()));
                    s.setString(4, Json.MAPPER.writeValueAsString(new TreeSet<>(types)));
                    s.setString(5, Json.MAPPER.writeValueAsString(inv.errors()));
                    s.setInt(6, inv.resources().size());
                    s.setDouble(7, inv.knownMonthlyCost());
                    s.executeUpdate();
                }
                try (var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT last_insert_rowid()")) {
                    rs.next();
                    id = rs.getLong(1);
                }
                try (PreparedStatement s = c.prepareStatement("INSERT OR REPLACE INTO inventory_resource (snapshot_id, type, id, "
                        + "region, name, state, created_at, monthly_cost, tags, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (Resource r : inv.resources()) {
                        s.setLong(1, id);
                        s.setString(2, r.type());
                        s.setString(3, r.id());
                        s.setString(4, r.region());
                        s.setString(5, r.name());
                        s.setString(6, r.state());
                        s.setString(7, r.createdAt() == null ? null : r.createdAt().toString());
                        if (r.monthlyCost() == null) s.setNull(8, Types.REAL);
                        else s.setDouble(8, r.monthlyCost());
                        s.setString(9, Json.MAPPER.writeValueAsString(r.tags()));
                        s.setString(10, Json.MAPPER.writeValueAsString(r.details()));
                        s.addBatch();
                    }
                    s.executeBatch();
                }
                c.commit();
                return id;
            } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw failure("save the inventory snapshot", e);
        }
    }

    /** Saved runs, newest first. */
    public List<Snapshot> list(int limit) {
        return query("SELECT * FROM inventory_snapshot ORDER BY generated_at DESC, id DESC LIMIT ?", limit);
    }

    public Optional<Snapshot> latest() {
        return list(1).stream().findFirst();
    }

    /** The run saved just before {@code id} for the same account. */
    public Optional<Snapshot> previous(long id) {
        Snapshot current = query("SELECT * FROM inventory_snapshot WHERE id = ?", id).stream().findFirst().orElse(null);
        if (current == null) return Optional.empty();
        return query("SELECT * FROM inventory_snapshot s WHERE s.id <> ? AND (s.account IS ?) AND "
                + "(s.generated_at < ? OR (s.generated_at = ? AND s.id < ?)) ORDER BY s.generated_at DESC, s.id DESC LIMIT 1",
                id, current.account(), current.generatedAt().toString(), current.generatedAt().toString(), id).stream().findFirst();
    }

    /**
     * The run to compare run {@code id} with: the newest earlier one of the same account that read
     * at least the same regions and types, else simply the newest earlier one.
     */
    public Optional<Snapshot> previousCovering(long id) {
        Snapshot current = query("SELECT * FROM inventory_snapshot WHERE id = ?", id).stream().findFirst().orElse(null);
        if (current == null) return Optional.empty();
        List<Snapshot> earlier = query("SELECT * FROM inventory_snapshot s WHERE s.id <> ? AND (s.account IS ?) AND "
                + "(s.generated_at < ? OR (s.generated_at = ? AND s.id < ?)) ORDER BY s.generated_at DESC, s.id DESC LIMIT 100",
                id, current.account(), current.generatedAt().toString(), current.generatedAt().toString(), id);
        return earlier.stream().filter(s -> s.types().containsAll(current.types()) && s.regions().containsAll(current.regions()))
                .findFirst().or(() -> earlier.stream().findFirst());
    }

    /** The newest run taken at or before {@code when}. */
    public Optional<Snapshot> asOf(Instant when) {
        return query("SELECT * FROM inventory_snapshot WHERE generated_at <= ? ORDER BY generated_at DESC, id DESC LIMIT 1",
                when.toString()).stream().findFirst();
    }

    /** A saved run with all its resources. */
    public Inventory load(long id) {
        Snapshot snap = query("SELECT * FROM inventory_snapshot WHERE id = ?", id).stream().findFirst()
                .orElseThrow(() -> new LabcloudException(ExitCode.USAGE, "no inventory snapshot " + id));
        List<Resource> resources = new ArrayList<>();
        List<RegionError> errors;
        try (Connection c = store.connect()) {
            try (PreparedStatement s = c.prepareStatement("SELECT errors FROM inventory_snapshot WHERE id = ?")) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    errors = Json.MAPPER.readValue(rs.getString(1), ERRORS);
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM inventory_resource WHERE snapshot_id = ? "
                    + "ORDER BY region, type, id")) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        double cost = rs.getDouble("monthly_cost");
                        Double monthly = rs.wasNull() ? null : cost;
                        String created = rs.getString("created_at");
                        resources.add(new Resource(rs.getString("type"), rs.getString("id"), rs.getString("region"),
                                rs.getString("name"), rs.getString("state"), created == null ? null : Instant.parse(created),
                                Json.MAPPER.readValue(rs.getString("tags"), TAGS), monthly,
                                Json.MAPPER.readValue(rs.getString("details"), DETAILS)));
                    }
                }
            }
        } catch (SQLException | java.io.IOException e) {
            throw failure("read inventory snapshot " + id, e);
        }
        resources.sort(labcloud.inventory.ResourceTypes.RESOURCE_ORDER);
        return new Inventory(snap.account(), snap.generatedAt(), snap.regions(), List.copyOf(resources), List.copyOf(errors));
    }

    private List<Snapshot> query(String sql, Object... args) {
        List<Snapshot> out = new ArrayList<>();
        try (Connection c = store.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) s.setObject(i + 1, args[i]);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Snapshot(rs.getLong("id"), rs.getString("account"), Instant.parse(rs.getString("generated_at")),
                            Json.MAPPER.readValue(rs.getString("regions"), STRINGS),
                            new TreeSet<>(Json.MAPPER.readValue(rs.getString("types"), STRINGS)),
                            rs.getInt("resource_count"), rs.getDouble("monthly_cost"),
                            Json.MAPPER.readValue(rs.getString("errors"), ERRORS).size()));
                }
            }
        } catch (SQLException | java.io.IOException e) {
            throw failure("read inventory snapshots", e);
        }
        return out;
    }

    private static LabcloudException failure(String what, Exception e) {
        return new LabcloudException(ExitCode.FAILED, "cannot " + what + " in the labcloud store: "
                + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
    }
}
