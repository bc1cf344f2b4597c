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
    void everyCommandAndSubcommandHasHelp() {
        java.util.List<String[]> paths = new java.util.ArrayList<>();
        collect(Main.commandLine(new Main(), null), new java.util.ArrayList<>(), paths);
        assertThat(paths.size()).isGreaterThan(25);
        for (String[] path : paths) {
            String[] args = java.util.Arrays.copyOf(path, path.length + 1);
            args[path.length] = "--help";
            CliResult r = CliResult.run(env, args);
            assertThat(r.exitCode()).as(String.join(" ", args) + ": " + r.stderr()).isZero();
            assertThat(r.stdout()).as(String.join(" ", args)).startsWith("Usage: labcloud " + String.join(" ", path));
        }
    }

    private static void collect(picocli.CommandLine cmd, java.util.List<String> prefix, java.util.List<String[]> out) {
        cmd.getSubcommands().forEach((name, sub) -> {
            if (!name.equals(sub.getCommandName())) return; // an alias
            java.util.List<String> path = new java.util.ArrayList<>(prefix);
            path.add(name);
            out.add(path.toArray(String[]::new));
            collect(sub, path, out);
        });
    }

    @Test
    void onlyTheInvokedCommandIsBuiltAndItIsFoundPastTheValuesOfGlobalOptions() {
        assertThat(Main.invoked(new String[] {"--profile", "sync", "--output=json", "-q", "ls", "s3://b"})).isEqualTo(LsCommand.class);
        assertThat(Main.invoked(new String[] {"--region", "eu-west-1", "creds", "whoami"})).isEqualTo(CredsCommand.class);
        assertThat(Main.invoked(new String[] {"--help"})).isNull();
        assertThat(Main.invoked(new String[] {"frobnicate", "sync"})).isNull();
        assertThat(Main.invoked(new String[] {"iam-policy", "scan"})).isEqualTo(IamPolicyCommand.class);
        assertThat(Main.invoked(new String[] {"-", "--", "a--b"})).isNull();
        // the command runs with its global options wherever they stand
        CliResult r = CliResult.run(env, "--output", "json", "price", "egress", "500GB");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("36.0");
        CliResult after = CliResult.run(env, "price", "egress", "500GB", "--output", "json");
        assertThat(after.stdout()).isEqualTo(r.stdout());
    }

    @Test
    void versionPrintsTheBuildVersion() {
        CliResult r = CliResult.run(env, "--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).startsWith("labcloud ").doesNotContain("${");
        // the same line with global options around it, and from a command's -V
        assertThat(CliResult.run(env, "--profile", "lab", "-V", "--quiet").stdout()).isEqualTo(r.stdout());
        assertThat(CliResult.run(env, "scan", "--version").stdout()).isEqualTo(r.stdout());
    }

    @Test
    void versionAloneBuildsNoCommandModel() {
        assertThat(Main.asksOnlyForTheVersion(new String[] {"--version"})).isTrue();
        assertThat(Main.asksOnlyForTheVersion(new String[] {"--region", "eu-west-1", "-V"})).isTrue();
        assertThat(Main.asksOnlyForTheVersion(new String[] {"scan", "--version"})).isFalse();
        assertThat(Main.asksOnlyForTheVersion(new String[] {"--version", "--help"})).isFalse();
        assertThat(Main.asksOnlyForTheVersion(new String[] {"--quiet"})).isFalse();
        assertThat(Main.asksOnlyForTheVersion(new String[] {})).isFalse();
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
