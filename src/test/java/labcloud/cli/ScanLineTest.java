package labcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import labcloud.core.Environment;
import labcloud.scan.Fakes;
import labcloud.scan.GitRepo;
import labcloud.testing.CliResult;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The scan line read without picocli means what picocli reads in it, and it hands picocli every other line. */
class ScanLineTest {
    @Test
    void readsWhatPicocliReads() {
        String[][] lines = {
            {"scan", "--staged"},
            {"scan", ".", "--all-files", "--format", "json", "--max-file-size", "100M"},
            {"scan", "--format=SARIF", "repo", "-q", "--no-color"},
            {"scan", "--history", "--verify", "--baseline", "old.json", "--ignore-file=ignored.txt", "-v", "--output", "json"},
            {"scan", "--max-file-size=20M", "--verbose", "--quiet", "--output=csv", "some dir"},
            {"scan"},
        };
        for (String[] line : lines) {
            GlobalOptions fast = new GlobalOptions();
            ScanCommand mine = ScanLine.parse(line, fast);
            assertThat(mine).as(String.join(" ", line)).isNotNull();

            Main main = new Main();
            CommandLine cl = Main.commandLine(main, ScanCommand.class);
            cl.setCaseInsensitiveEnumValuesAllowed(true);
            CommandLine.ParseResult parsed = cl.parseArgs(line);
            ScanCommand theirs = (ScanCommand) parsed.subcommand().commandSpec().userObject();
            String what = String.join(" ", line);
            assertThat(fields(mine)).as(what).isEqualTo(fields(theirs));
            assertThat(globals(fast)).as(what).isEqualTo(globals(main.globals()));
        }
    }

    @Test
    void leavesEveryOtherLineToPicocli() {
        String[][] lines = {
            {"scan", "--staged", "--history"}, {"scan", "install-hook"}, {"scan", "--help"}, {"scan", "-qv"},
            {"scan", "--format", "xml"}, {"scan", "@args.txt"}, {"--quiet", "scan", "--staged"}, {"scan", "a", "b"},
            {"scan", "--staged", "--staged"}, {"scan", "-q", "--quiet"}, {"scan", "--profile", "lab"}, {"scan", "--format"},
            {"scan", "--"}, {"scan", "--all-files=true"}, {"scan", "--baseline", "--staged"}, {"scan", "-h"},
            {"scan", "--version"}, {"scan", "--max-file-size="}, {"ls", "--staged"}, {},
        };
        for (String[] line : lines) {
            assertThat(ScanLine.parse(line, new GlobalOptions())).as(String.join(" ", line)).isNull();
        }
        // picocli then gives its own answer: a usage error, exit 2
        CliResult both = CliResult.run(Environment.of(Map.of()), "scan", "--staged", "--history");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.stderr()).contains("mutually exclusive");
    }

    @Test
    void theHooksLineBlocksACommitExactlyAsThePicocliReadLineDoes() throws Exception {
        Fakes f = new Fakes(21);
        GitRepo repo = GitRepo.init().write("README.md", "# analysis\n");
        repo.commit("init", "Ada", "2024-01-01T10:00:00Z");
        repo.write("load.py", "KEY = '" + f.keyId() + "'\nSECRET = '" + f.secret() + "'\n");
        repo.git("add", "-A");
        Environment env = Environment.of(Map.of("HOME", Files.createTempDirectory("labcloud-scanline-home-").toString()));
        String dir = repo.dir().toString();

        CliResult fast = CliResult.run(env, "scan", "--staged", dir, "--no-color"); // read by ScanLine
        CliResult slow = CliResult.run(env, "--no-color", "scan", "--staged", dir); // read by picocli
        assertThat(fast.exitCode()).as(fast.toString()).isEqualTo(1);
        assertThat(fast.stderr()).contains("commit blocked", "load.py:1");
        assertThat(fast.exitCode()).isEqualTo(slow.exitCode());
        assertThat(untimed(fast.stdout())).isEqualTo(untimed(slow.stdout()));
        assertThat(untimed(fast.stderr())).isEqualTo(untimed(slow.stderr()));

        // a failure is mapped the same way: one line, exit 2
        CliResult missing = CliResult.run(env, "scan", "--staged", Path.of(dir, "no-such-dir").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.stderr().strip()).startsWith("labcloud: no such file or directory").doesNotContain("\n");
    }

    private static String untimed(String s) {
        return s.replaceAll(" in [0-9]+\\.[0-9] s", " in T s");
    }

    private static String fields(ScanCommand c) {
        boolean history = c.source != null && c.source.history, staged = c.source != null && c.source.staged;
        return c.path + "|" + history + "|" + staged + "|" + c.format + "|" + c.baseline + "|"
                + c.ignoreFile + "|" + c.allFiles + "|" + c.verify + "|" + c.maxFileSize;
    }

    private static String globals(GlobalOptions g) {
        return g.profile() + "|" + g.region() + "|" + g.endpointUrl + "|" + g.output() + "|" + g.quiet() + "|" + g.verbose()
                + "|" + g.noColor();
    }
}
