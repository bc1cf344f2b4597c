package labcloud.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import labcloud.core.Environment;
import labcloud.core.ExitCode;
import labcloud.core.LabcloudException;
import org.flywaydb.core.Flyway;

/**
 * The embedded SQLite store (~/.labcloud/labcloud.db): inventory snapshots, findings and their
 * history. The schema is managed by Flyway migrations under {@code db/migration}; each capability
 * adds its own {@code V<n>__<what>.sql}.
 */
public final class Store {
    private final String url;

    private Store(String url) {
        this.url = url;
    }

    public static Store open(Environment env) {
        SqliteNative.prepare(env.labcloudDir());
        return open(env.labcloudDir().resolve("labcloud.db"));
    }

    public static Store open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new LabcloudException(ExitCode.FAILED, "cannot create " + file.getParent() + ": " + e.getMessage(), e);
        }
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        try {
            Flyway.configure(Store.class.getClassLoader())
                    .dataSource(url, null, null)
                    .locations("classpath:db/migration")
                    .outOfOrder(true)
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            throw new LabcloudException(ExitCode.FAILED, "cannot open the labcloud store " + file + ": " + e.getMessage(), e);
        }
        return new Store(url);
    }

    /** A new connection with foreign keys on and a busy timeout (the dashboard and the CLI may share the file). */
    public Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(url);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys = ON");
            s.execute("PRAGMA busy_timeout = 10000");
            s.execute("PRAGMA journal_mode = WAL");
        }
        return c;
    }
}
