package labcloud.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Properties;
import labcloud.core.SecureFiles;

/**
 * Points the SQLite driver at a copy of its native library kept per driver version under
 * ~/.labcloud/lib (owner-only), written once and compared byte for byte with the driver's bundled
 * copy before each load.
 *
 * <p>Left to itself the driver writes the library to the temp directory on every start, reads it
 * back to compare it byte by byte and runs {@code uname} to tell Android from Linux: about 0.1 s
 * of CPU and a child process for each command that opens a database. Only glibc Linux and macOS
 * on x86_64 and aarch64 are handled; elsewhere, or on any trouble, the driver does as it always did.
 */
public final class SqliteNative {
    private static boolean prepared;

    private SqliteNative() {}

    public static synchronized void prepare(Path labcloudDir) {
        if (prepared || System.getProperty("org.sqlite.lib.path") != null) return;
        prepared = true;
        String folder = folder();
        String version = driverVersion();
        if (folder == null || version == null) return;
        String name = folder.startsWith("Mac") ? "libsqlitejdbc.dylib" : "libsqlitejdbc.so";
        Path dir = labcloudDir.resolve("lib").resolve("sqlite-" + version + "-" + folder.replace('/', '-'));
        Path lib = dir.resolve(name);
        try (InputStream in = SqliteNative.class.getResourceAsStream("/org/sqlite/native/" + folder + "/" + name)) {
            if (in == null) return;
            byte[] bundled = in.readAllBytes();
            // The copy on disk is loaded into this process: it must be the driver's own, byte for byte
            // (a file changed since it was written, by accident or not, is replaced, never loaded).
            if (!Files.isRegularFile(lib, LinkOption.NOFOLLOW_LINKS) || !sameBytes(lib, bundled)) {
                SecureFiles.privateDirectory(labcloudDir);
                SecureFiles.privateDirectory(labcloudDir.resolve("lib"));
                SecureFiles.privateDirectory(dir);
                Path tmp = Files.createTempFile(dir, name, ".tmp"); // 0600
                try {
                    Files.write(tmp, bundled);
                    Files.move(tmp, lib, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING); // whole or absent
                } finally {
                    Files.deleteIfExists(tmp);
                }
                if (!sameBytes(lib, bundled)) return;
            }
            System.setProperty("org.sqlite.lib.path", dir.toString());
            System.setProperty("org.sqlite.lib.name", name);
        } catch (IOException | RuntimeException e) {
            // the driver extracts its own copy
        }
    }

    /**
     * Whether {@code file} holds exactly {@code expected}. Compared directly: hashing both copies
     * (SHA-256 on C1) was 20-25 ms of every command that opens a database.
     */
    static boolean sameBytes(Path file, byte[] expected) throws IOException {
        return Files.size(file) == expected.length && java.util.Arrays.equals(Files.readAllBytes(file), expected);
    }

    /** The driver's folder for this platform, or null where this class leaves it to the driver. */
    private static String folder() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = switch (System.getProperty("os.arch", "")) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> null;
        };
        if (arch == null) return null;
        if (os.startsWith("mac")) return "Mac/" + arch;
        boolean musl = Files.exists(Path.of("/lib/ld-musl-" + arch + ".so.1")) || Files.exists(Path.of("/etc/alpine-release"));
        boolean android = System.getProperty("java.vm.vendor", "").contains("Android");
        return os.equals("linux") && !musl && !android ? "Linux/" + arch : null;
    }

    private static String driverVersion() {
        try (InputStream in = SqliteNative.class.getResourceAsStream("/META-INF/maven/org.xerial/sqlite-jdbc/pom.properties")) {
            if (in == null) return null;
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version");
            return v == null || !v.matches("[0-9A-Za-z.\\-]+") ? null : v;
        } catch (IOException e) {
            return null;
        }
    }
}
