package labcloud.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import labcloud.core.AuditLog;
import labcloud.core.Environment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ~/.labcloud holds IAM users, key IDs and source addresses: owner-only, new or old. */
class StorePermissionsTest {
    @TempDir
    Path home;

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void aNewStoreIsOwnerOnly() throws Exception {
        Environment env = Environment.of(Map.of("HOME", home.toString()));
        Store.open(env);
        Path dir = home.resolve(".labcloud");
        assertThat(mode(dir)).isEqualTo("rwx------");
        assertThat(mode(dir.resolve("labcloud.db"))).isEqualTo("rw-------");
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("labcloud.db")).toList()) {
                assertThat(mode(f)).as(f.toString()).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void existingLooseOnesAreFixedOnOpen() throws Exception {
        Path dir = Files.createDirectories(home.resolve(".labcloud"));
        Path transfer = Files.createDirectories(dir.resolve("transfer"));
        Path db = Files.writeString(dir.resolve("labcloud.db"), "");
        Path digests = Files.writeString(transfer.resolve("digests.db"), "");
        for (Path p : new Path[] {db, digests}) Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));

        Store.open(Environment.of(Map.of("HOME", home.toString())));

        assertThat(mode(dir)).isEqualTo("rwx------");
        assertThat(mode(db)).isEqualTo("rw-------");
        assertThat(mode(digests)).isEqualTo("rw-------");
    }

    @Test
    void theAuditLogCreatesTheDirectoryOwnerOnly() throws Exception {
        new AuditLog(Environment.of(Map.of("HOME", home.toString()))).record("test", Map.of());
        assertThat(mode(home.resolve(".labcloud"))).isEqualTo("rwx------");
        assertThat(mode(home.resolve(".labcloud/audit.log"))).isEqualTo("rw-------");
    }
}
