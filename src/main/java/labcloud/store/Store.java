package labcloud.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import labcloud.core.Environment;
import labcloud.core.ExitCode;
import labcloud.core.LabcloudException;
import labcloud.core.SecureFiles;
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

    /**
     * The store under ~/.labcloud. The directory becomes 0700 and every database in it 0600 (those
     * made before this rule too): they hold IAM users, key IDs and CloudTrail source addresses.
     */
    public static Store open(Environment env) {
        Path dir = env.labcloudDir();
        try {
            SecureFiles.privateDirectory(dir);
            privateDatabases(dir);
        } catch (IOException e) {
            throw new LabcloudException(ExitCode.FAILED, "cannot make " + dir + " private: " + e.getMessage(), e);
        }
        SqliteNative.prepare(dir);
        return open(dir.resolve("labcloud.db"));
    }

    /** A store in {@code file}, created 0600 (with its WAL and shared-memory files, which SQLite gives the same mode). */
    public static Store open(Path file) {
        Path db = file.toAbsolutePath();
        try {
            Files.createDirectories(db.getParent());
            SecureFiles.createPrivateFile(db);
        } catch (IOException e) {
            throw new LabcloudException(ExitCode.FAILED, "cannot create " + db + ": " + e.getMessage(), e);
        }
        String url = "jdbc:sqlite:" + db;
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

    /** Every SQLite file under the labcloud directory (the store, the transfer digest cache, ...) becomes 0600. */
    private static void privateDatabases(Path dir) throws IOException {
        List<Path> all;
        try (Stream<Path> files = Files.walk(dir, 3)) {
            all = files.toList();
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        {
            for (Path f : all) {
                String name = f.getFileName().toString();
                if (name.endsWith(".db") || name.endsWith(".db-wal") || name.endsWith(".db-shm") || name.endsWith(".db-journal")) {
                    SecureFiles.privateFile(f);
                }
            }
        }
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
