package labcloud.transfer;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import labcloud.store.SqliteFile;

/**
 * The checksums of local files labcloud has already read, so that a re-sync of unchanged files
 * does not read them again: a sync compares a local file with an object by the MD5 the ETag holds,
 * and for a large dataset reading every byte again dwarfs the listing.
 *
 * <p>An entry is used only while the file's size, modification time, change time and inode are
 * all as they were when it was read. The change time cannot be set by any tool, so an edit that
 * keeps size and modification time (or puts the time back) still changes it and the file is read
 * again. Entries live in SQLite at ~/.labcloud/transfer/digests.db; deleting the file only costs
 * one slower sync. Any trouble with the cache (no "unix" file attributes, a locked or damaged
 * database) turns it off for the run: it never fails a transfer.
 */
public final class DigestCache implements AutoCloseable {
    private static final int BATCH = 5_000;
    /** FAT keeps times to 2 s; a change within this long of the last is not trusted to show. */
    private static final long RACY_NANOS = 2_000_000_000L;
    private static final boolean UNIX_ATTRIBUTES = FileSystems.getDefault().supportedFileAttributeViews().contains("unix");

    /** Two connections: a planner reads its cursor while finished files are written (WAL lets both go on). */
    private record Db(Connection reader, Connection writer) {}

    private final CompletableFuture<Db> db;
    private final List<Row> pending = new ArrayList<>();
    private volatile boolean broken;

    /** What identifies one version of a file's content without reading it. */
    public record Stamp(long size, long mtimeNanos, long ctimeNanos, long inode) {
        /** The file's stamp now, or null if it cannot be read (the cache is then not used for it). */
        public static Stamp of(Path file) {
            if (!UNIX_ATTRIBUTES) return null;
            try {
                Map<String, Object> a = Files.readAttributes(file, "unix:size,lastModifiedTime,ctime,ino");
                return new Stamp((Long) a.get("size"), nanos((FileTime) a.get("lastModifiedTime")),
                        nanos((FileTime) a.get("ctime")), (Long) a.get("ino"));
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        private static long nanos(FileTime t) {
            return t.to(java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    /** A cached read of one file: its MD5 (null if only its parts were hashed), multipart ETag for partSize, CRC32C. */
    public record Entry(Stamp stamp, String md5, long partSize, String multipartEtag, String crc32c) {}

    /** A row to write; with a null entry, one to delete. */
    private record Row(String path, Entry entry) {}

    private DigestCache(CompletableFuture<Db> db) {
        this.db = db;
    }

    /** Opens (creating) the cache in the background: loading SQLite takes ~150 ms, overlapped with listing. */
    public static DigestCache open(Path file) {
        if (!UNIX_ATTRIBUTES) return disabled();
        return new DigestCache(CompletableFuture.supplyAsync(() -> connect(file), Thread::startVirtualThread));
    }

    public static DigestCache disabled() {
        DigestCache c = new DigestCache(CompletableFuture.completedFuture(null));
        c.broken = true;
        return c;
    }

    private static Db connect(Path file) {
        Connection c = null;
        try {
            c = SqliteFile.connect(file, 5000);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = NORMAL");
                s.execute("CREATE TABLE IF NOT EXISTS digests (path TEXT PRIMARY KEY, size INTEGER NOT NULL,"
                        + " mtime_ns INTEGER NOT NULL, ctime_ns INTEGER NOT NULL, inode INTEGER NOT NULL, md5 TEXT,"
                        + " part_size INTEGER NOT NULL, multipart_etag TEXT, crc32c TEXT) WITHOUT ROWID");
            }
            try {
                Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException | IOException ignored) {
                // paths and checksums only; the home directory's own permissions still apply
            }
            Connection reader = SqliteFile.connect(file, 5000);
            return new Db(reader, c);
        } catch (SQLException | IOException | RuntimeException e) {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // the cache is off for this run either way
                }
            }
            return null;
        }
    }

    private Db connections() {
        if (broken) return null;
        Db d = db.join();
        if (d == null) broken = true;
        return d;
    }

    /** The file's stamp, or null (no stat) when the cache is off: nothing would be looked up or kept. */
    public Stamp stamp(Path file) {
        return broken ? null : Stamp.of(file);
    }

    static String key(Path file) {
        return file.toAbsolutePath().normalize().toString();
    }

    /**
     * Reads the entries below a local root in key order, for a planner that asks for keys in
     * increasing order: memory stays constant however many files there are.
     */
    public Cursor cursor(Path root) {
        return new Cursor(key(root) + "/");
    }

    public final class Cursor implements AutoCloseable {
        private final String base;
        private PreparedStatement query;
        private ResultSet rows;
        private String rowKey;
        private Entry row;
        private boolean done;

        private Cursor(String base) {
            this.base = base;
        }

        /** The entry of the file at key (relative to the root), if any; keys must come in increasing order. */
        public Entry find(String key) {
            if (done) return null;
            try {
                if (rows == null && !start()) return null;
                while (rowKey != null && KeyOrder.compare(rowKey, key) < 0) {
                    forgetIfGone(base + rowKey);
                    advance();
                }
                return key.equals(rowKey) ? row : null;
            } catch (SQLException | RuntimeException e) {
                done = true;
                return null;
            }
        }

        private boolean start() throws SQLException {
            Db d = connections();
            if (d == null) {
                done = true;
                return false;
            }
            // '0' follows '/': the range holds exactly the paths below the root
            query = d.reader().prepareStatement("SELECT path, size, mtime_ns, ctime_ns, inode, md5, part_size, multipart_etag, crc32c"
                    + " FROM digests WHERE path >= ? AND path < ? ORDER BY path");
            query.setString(1, base);
            query.setString(2, base.substring(0, base.length() - 1) + "0");
            rows = query.executeQuery();
            advance();
            return true;
        }

        private void advance() throws SQLException {
            if (!rows.next()) {
                rowKey = null;
                row = null;
                return;
            }
            rowKey = rows.getString(1).substring(base.length());
            row = new Entry(new Stamp(rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getLong(5)),
                    rows.getString(6), rows.getLong(7), rows.getString(8), rows.getString(9));
        }

        /** Passes the rest of the root's entries, forgetting those whose files are gone; then lets go of the query. */
        @Override
        public void close() {
            try {
                while (!done && rows != null && rowKey != null) {
                    forgetIfGone(base + rowKey);
                    advance();
                }
            } catch (SQLException | RuntimeException e) {
                // pruning is a nicety; the entries stay
            }
            done = true;
            try {
                if (query != null) query.close();
            } catch (SQLException ignored) {
                // read-only statement
            }
        }
    }

    /**
     * An entry the planner passed over belongs to a file that was deleted, or to one that was not
     * compared this time (new at the destination, or of another size); only the first kind is dropped.
     */
    private void forgetIfGone(String path) {
        if (!Files.exists(Path.of(path), java.nio.file.LinkOption.NOFOLLOW_LINKS)) queue(new Row(path, null));
    }

    /**
     * Remembers what reading a file gave, under the stamp taken before the read: if the file
     * changed during the read, its change time moved past that stamp and the entry never matches
     * again. A file changed in the last 2 s is not remembered at all, since on filesystems with
     * coarse clocks a further change within the same tick would leave the stamp as it is (git's
     * "racy clean" case).
     */
    public void put(Path file, Stamp before, String md5, long partSize, String multipartEtag, String crc32c) {
        if (broken || before == null) return;
        long now = java.time.Instant.now().toEpochMilli() * 1_000_000L;
        if (now - Math.max(before.ctimeNanos(), before.mtimeNanos()) < RACY_NANOS) return;
        queue(new Row(key(file), new Entry(before, md5, partSize, multipartEtag, crc32c)));
    }

    /** Queues a row to write (or, with no entry, to delete), writing a batch when enough are waiting. */
    private void queue(Row r) {
        if (broken) return;
        List<Row> batch = null;
        synchronized (pending) {
            pending.add(r);
            if (pending.size() >= BATCH) {
                batch = new ArrayList<>(pending);
                pending.clear();
            }
        }
        if (batch != null) write(batch);
    }

    private synchronized void write(List<Row> batch) {
        Db d = connections();
        if (d == null || batch.isEmpty()) return;
        Connection c = d.writer();
        try (PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO digests VALUES (?,?,?,?,?,?,?,?,?)");
             PreparedStatement gone = c.prepareStatement("DELETE FROM digests WHERE path = ?")) {
            c.setAutoCommit(false);
            for (Row r : batch) {
                Entry e = r.entry();
                if (e == null) {
                    gone.setString(1, r.path());
                    gone.addBatch();
                    continue;
                }
                p.setString(1, r.path());
                p.setLong(2, e.stamp().size());
                p.setLong(3, e.stamp().mtimeNanos());
                p.setLong(4, e.stamp().ctimeNanos());
                p.setLong(5, e.stamp().inode());
                p.setString(6, e.md5());
                p.setLong(7, e.partSize());
                p.setString(8, e.multipartEtag());
                p.setString(9, e.crc32c());
                p.addBatch();
            }
            p.executeBatch();
            gone.executeBatch();
            c.commit();
        } catch (SQLException e) {
            broken = true;
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the cache is off for the rest of the run
            }
        }
    }

    @Override
    public void close() {
        List<Row> rest;
        synchronized (pending) {
            rest = new ArrayList<>(pending);
            pending.clear();
        }
        write(rest);
        Db d = db.join();
        if (d == null) return;
        for (Connection c : List.of(d.reader(), d.writer())) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // nothing left to save
            }
        }
    }
}
