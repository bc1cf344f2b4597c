package labcloud.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checksum cache on its own: what it keeps, what it hands back, and when it refuses. */
class DigestCacheTest {
    @TempDir
    Path dir;

    private Path oldFile(String rel, String content) throws Exception {
        Path p = dir.resolve("root").resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return p;
    }

    @Test
    void entriesComeBackInKeyOrderForTheirRootOnly() throws Exception {
        Path a = oldFile("a.txt", "a"), sub = oldFile("a/b.txt", "b"), z = oldFile("z😀.txt", "z");
        Path other = dir.resolve("root2/x.txt");
        Files.createDirectories(other.getParent());
        Files.writeString(other, "x");
        Thread.sleep(2_100); // entries for files changed in the last 2 s are not kept
        try (DigestCache cache = DigestCache.open(dir.resolve("digests.db"))) {
            for (Path p : new Path[] {a, sub, z, other}) {
                DigestCache.Stamp s = DigestCache.Stamp.of(p);
                cache.put(p, s, "md5-of-" + p.getFileName(), 0, null, "crc");
            }
        }
        try (DigestCache cache = DigestCache.open(dir.resolve("digests.db"))) {
            DigestCache.Cursor c = cache.cursor(dir.resolve("root"));
            assertThat(c.find("0-missing")).isNull();
            assertThat(c.find("a.txt").md5()).isEqualTo("md5-of-a.txt");
            assertThat(c.find("a.txt~")).isNull();
            assertThat(c.find("a/b.txt").md5()).isEqualTo("md5-of-b.txt");
            assertThat(c.find("z😀.txt").stamp()).isEqualTo(DigestCache.Stamp.of(z));
            assertThat(c.find("zz")).isNull();
            c.close();
            assertThat(cache.cursor(dir.resolve("root2")).find("x.txt").md5()).isEqualTo("md5-of-x.txt");
        }
    }

    @Test
    void aFileChangedWhileReadNeverMatchesAndOneChangedJustNowIsNotKept() throws Exception {
        Path f = oldFile("f.txt", "one");
        Path fresh = dir.resolve("root/fresh.txt");
        Thread.sleep(2_100);
        Files.writeString(fresh, "new");
        DigestCache.Stamp before = DigestCache.Stamp.of(f);
        try (DigestCache cache = DigestCache.open(dir.resolve("digests.db"))) {
            cache.put(f, before, "md5-of-one", 0, null, null); // as if "two" arrived while "one" was read
            cache.put(fresh, DigestCache.Stamp.of(fresh), "y", 0, null, null);
        }
        Files.writeString(f, "two"); // same size
        Files.setLastModifiedTime(f, FileTime.from(Instant.now().minusSeconds(3600)));
        try (DigestCache cache = DigestCache.open(dir.resolve("digests.db"))) {
            DigestCache.Cursor c = cache.cursor(dir.resolve("root"));
            DigestCache.Entry kept = c.find("f.txt");
            assertThat(kept.stamp()).isEqualTo(before);
            assertThat(DigestCache.Stamp.of(f)).as("same size, older mtime: the change time still moves").isNotEqualTo(kept.stamp());
            assertThat(c.find("fresh.txt")).isNull();
        }
    }

    @Test
    void entriesOfDeletedFilesAreDroppedWhenAPlannerPassesThem() throws Exception {
        Path a = oldFile("a", "a"), b = oldFile("b", "b"), c = oldFile("c", "c"), d = oldFile("d", "d");
        Thread.sleep(2_100);
        try (DigestCache cache = DigestCache.open(dir.resolve("digests.db"))) {
            for (Path p : new Path[] {a, b, c, d}) cache.put(p, DigestCache.Stamp.of(p), "m", 0, null, null);
        }
        Files.delete(b);
        Files.delete(d);
        try (DigestCache cache = DigestCache.open(dir.resolve("digests.db"))) {
            DigestCache.Cursor cursor = cache.cursor(dir.resolve("root"));
            assertThat(cursor.find("c")).isNotNull(); // passes a (still there) and b (gone)
            cursor.close(); // passes d (gone)
        }
        try (DigestCache cache = DigestCache.open(dir.resolve("digests.db"))) {
            DigestCache.Cursor cursor = cache.cursor(dir.resolve("root"));
            assertThat(cursor.find("a")).isNotNull();
            assertThat(cursor.find("b")).isNull();
            assertThat(cursor.find("c")).isNotNull();
            assertThat(cursor.find("d")).isNull();
        }
    }

    @Test
    void anUnusableDatabaseOnlyTurnsTheCacheOff() throws Exception {
        Path notADb = Files.writeString(dir.resolve("digests.db"), "this is not SQLite");
        Path f = oldFile("f.txt", "one");
        try (DigestCache cache = DigestCache.open(notADb)) {
            cache.put(f, DigestCache.Stamp.of(f), "x", 0, null, null);
            assertThat(cache.cursor(dir.resolve("root")).find("f.txt")).isNull();
        }
        assertThat(Files.readString(notADb)).isEqualTo("this is not SQLite");
    }
}
