package labcloud.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StoreTest {
    @Test
    void migratesANewDatabaseAndReopensIt() throws Exception {
        Path dir = Files.createTempDirectory("labcloud-store-");
        Store store = Store.open(dir.resolve("sub/labcloud.db"));
        try (var c = store.connect(); var rs = c.createStatement().executeQuery("SELECT value FROM store_info WHERE key='created_by'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("labcloud");
        }
        Store again = Store.open(dir.resolve("sub/labcloud.db"));
        try (var c = again.connect(); var rs = c.createStatement().executeQuery("SELECT count(*) FROM flyway_schema_history")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(1);
        }
    }
}
