package labcloud.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import labcloud.core.Environment;
import labcloud.core.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cost section of ~/.labcloud/config.yaml. */
class CostSettingsTest {
    @TempDir
    Path home;

    private CostSettings load(String yaml) throws Exception {
        Files.createDirectories(home.resolve(".labcloud"));
        Files.writeString(home.resolve(".labcloud/config.yaml"), yaml);
        return CostSettings.load(Environment.of(Map.of("HOME", home.toString())));
    }

    @Test
    void defaultsWithoutAFileAndValuesFromIt() throws Exception {
        CostSettings d = CostSettings.load(Environment.of(Map.of("HOME", home.toString())));
        assertThat(d.cacheMaxAge()).isEqualTo(Duration.ofHours(6));
        assertThat(d.awsForecast()).isTrue();
        CostSettings s = load("cost:\n  cacheMaxAge: 30m\n  forecast: local\n  allocationTagCheck: false\n");
        assertThat(s.cacheMaxAge()).isEqualTo(Duration.ofMinutes(30));
        assertThat(s.awsForecast()).isFalse();
        assertThat(s.allocationTagCheck()).isFalse();
        assertThat(load("other: 1\n").cacheMaxAge()).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void badValuesNameTheFileAndField() {
        assertThatThrownBy(() -> load("cost:\n  cacheMaxAge: soon\n")).isInstanceOf(UsageException.class)
                .hasMessageContaining("config.yaml: cost.cacheMaxAge 'soon'");
        assertThatThrownBy(() -> load("cost:\n  forecast: magic\n")).isInstanceOf(UsageException.class)
                .hasMessageContaining("cost.forecast 'magic'");
        assertThatThrownBy(() -> load("cost: [1, 2\n")).isInstanceOf(UsageException.class).hasMessageContaining("not valid YAML");
    }
}
