package labcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import labcloud.core.Environment;
import labcloud.testing.CliResult;
import org.junit.jupiter.api.Test;

class CliBasicsTest {
    private final Environment env = Environment.of(Map.of("HOME", System.getProperty("java.io.tmpdir")));

    @Test
    void helpListsTheCommands() {
        CliResult r = CliResult.run(env, "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).contains("demo").contains("--endpoint-url").contains("--profile");
    }

    @Test
    void versionPrintsTheBuildVersion() {
        CliResult r = CliResult.run(env, "--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).startsWith("labcloud ").doesNotContain("${");
    }

    @Test
    void unknownOptionIsExitTwoWithOneLine() {
        CliResult r = CliResult.run(env, "demo", "--bogus");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr().strip().lines()).hasSize(1);
        assertThat(r.stderr()).contains("--bogus");
    }

    @Test
    void badOutputValueIsExitTwo() {
        CliResult r = CliResult.run(env, "--output", "yaml", "demo");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr().strip().lines()).hasSize(1);
        assertThat(r.stderr()).contains("yaml");
    }

    @Test
    void unknownCommandIsExitTwo() {
        CliResult r = CliResult.run(env, "frobnicate");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr().strip().lines()).hasSize(1);
    }
}
