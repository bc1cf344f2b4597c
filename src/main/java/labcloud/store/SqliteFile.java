package labcloud.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Opens SQLite database files: the one place that knows the driver's URL form and the busy timeout
 * every connection needs (the store's database, and capabilities' own small ones such as the
 * transfer checksum cache). Call {@link SqliteNative#prepare} first for a fast driver start.
 */
public final class SqliteFile {
    private SqliteFile() {}

    /** A connection to {@code file}, created with its directory if missing, waiting up to {@code busyTimeoutMillis} for a lock. */
    public static Connection connect(Path file, int busyTimeoutMillis) throws SQLException, IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Connection c = DriverManager.getConnection(url(file));
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = " + busyTimeoutMillis);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    static String url(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath();
    }
}
