package labcloud.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In a JVM of its own: the driver's library is loaded once per process. */
class SqliteNativeTest {
    @TempDir
    Path home;

    /** Prepares the library under args[0], opens a database and prints the library path and SQLite's version. */
    public static void main(String[] args) throws Exception {
        SqliteNative.prepare(Path.of(args[0]));
        try (var c = DriverManager.getConnection("jdbc:sqlite::memory:"); ResultSet r = c.createStatement().executeQuery("select sqlite_version()")) {
            r.next();
            System.out.println(System.getProperty("org.sqlite.lib.path") + " " + r.getString(1));
        }
    }

    private String run() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Djava.io.tmpdir=" + home.resolve("tmp"),
                "-cp", System.getProperty("java.class.path"), SqliteNativeTest.class.getName(), home.resolve(".labcloud").toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out.strip();
    }

    @Test
    void theLibraryIsWrittenOnceUnderTheLabcloudDirectoryAndLoadedFromThere() throws Exception {
        Files.createDirectories(home.resolve("tmp"));
        String first = run();
        Path dir = Path.of(first.split(" ")[0]);
        assertThat(dir).startsWith(home.resolve(".labcloud").resolve("lib"));
        Path lib;
        try (var files = Files.list(dir)) {
            lib = files.filter(f -> f.getFileName().toString().startsWith("libsqlitejdbc")).findFirst().orElseThrow();
        }
        assertThat(first.split(" ")[1]).matches("3\\.[0-9.]+");
        long written = Files.getLastModifiedTime(lib).toMillis();
        try (var tmp = Files.list(home.resolve("tmp"))) {
            assertThat(tmp.filter(f -> f.getFileName().toString().contains("sqlite"))).isEmpty(); // no copy in the temp dir
        }
        try (var files = Files.list(dir)) {
            assertThat(files).hasSize(1); // no temporary file left behind
        }
        Thread.sleep(20);
        assertThat(run()).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(lib).toMillis()).isEqualTo(written); // reused, not rewritten
    }

    /** A library changed on disk since it was written is not loaded: it is replaced by the driver's own copy first. */
    @Test
    void aChangedLibraryIsReplacedBeforeItIsLoaded() throws Exception {
        Files.createDirectories(home.resolve("tmp"));
        String first = run();
        Path lib;
        try (var files = Files.list(Path.of(first.split(" ")[0]))) {
            lib = files.filter(f -> f.getFileName().toString().startsWith("libsqlitejdbc")).findFirst().orElseThrow();
        }
        byte[] good = Files.readAllBytes(lib);
        byte[] changed = good.clone();
        changed[changed.length / 2] ^= 0x5A; // one byte in the middle: still an ELF file, not the driver's
        Files.write(lib, changed);

        assertThat(run()).isEqualTo(first);
        assertThat(Files.readAllBytes(lib)).isEqualTo(good);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve(".labcloud/lib"))))
                .isEqualTo("rwx------");
    }
}
