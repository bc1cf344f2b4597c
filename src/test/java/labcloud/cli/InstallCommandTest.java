package labcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import labcloud.core.Environment;
import labcloud.testing.CliResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `labcloud install`: the command on the PATH, completion that works in bash, man pages that render, an exact uninstall. */
class InstallCommandTest {
    private static final Path LAUNCHER = Path.of("labcloud").toAbsolutePath();

    @TempDir
    Path home;

    private Environment env() {
        Map<String, String> vars = new HashMap<>();
        vars.put("HOME", home.toString());
        vars.put("PATH", System.getenv("PATH"));
        vars.put("LABCLOUD_LAUNCHER", LAUNCHER.toString());
        return Environment.of(vars);
    }

    @Test
    void installsALinkCompletionAndManPagesAndUninstallsExactlyThose() throws Exception {
        Path prefix = home.resolve(".local");
        Files.createDirectories(prefix.resolve("bin"));
        Files.writeString(prefix.resolve("bin/other-tool"), "#!/bin/sh\n");

        CliResult r = CliResult.run(env(), "install");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        Path bin = prefix.resolve("bin/labcloud");
        assertThat(Files.isSymbolicLink(bin)).isTrue();
        assertThat(Files.readSymbolicLink(bin)).isEqualTo(LAUNCHER);
        assertThat(prefix.resolve("share/bash-completion/completions/labcloud")).isRegularFile();
        assertThat(prefix.resolve("share/zsh/site-functions/_labcloud")).isRegularFile();
        assertThat(prefix.resolve("share/man/man1/labcloud.1")).isRegularFile();
        assertThat(prefix.resolve("share/man/man1/labcloud-sync.1")).isRegularFile();
        assertThat(prefix.resolve("share/man/man1/labcloud-creds-whoami.1")).isRegularFile();
        assertThat(r.stderr()).contains("is not on your PATH");
        assertThat(Files.readString(home.resolve(".labcloud/audit.log"))).contains("install");

        // installing again replaces the same files
        assertThat(CliResult.run(env(), "install").exitCode()).isZero();

        CliResult dry = CliResult.run(env(), "install", "--uninstall", "--dry-run");
        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        assertThat(dry.stdout()).contains("would remove", "labcloud-sync.1");
        assertThat(bin).exists();

        CliResult un = CliResult.run(env(), "install", "--uninstall");
        assertThat(un.exitCode()).as(un.toString()).isZero();
        try (Stream<Path> left = Files.walk(prefix)) {
            assertThat(left.filter(Files::isRegularFile).toList()).containsExactly(prefix.resolve("bin/other-tool"));
        }
        assertThat(Files.exists(bin, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();

        CliResult again = CliResult.run(env(), "install", "--uninstall");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.stderr().strip().lines()).hasSize(1).first().asString().contains("nothing to uninstall");
    }

    @Test
    void aDryRunWritesNothing() {
        CliResult r = CliResult.run(env(), "--output", "json", "install", "--prefix", home.resolve("p").toString(), "--dry-run");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("\"dryRun\" : true", "bin/labcloud");
        assertThat(home.resolve("p")).doesNotExist();
    }

    @Test
    void bashCompletesCommandsAndOptions() throws Exception {
        Path prefix = home.resolve("p");
        assertThat(CliResult.run(env(), "install", "--prefix", prefix.toString()).exitCode()).isZero();
        Path script = prefix.resolve("share/bash-completion/completions/labcloud");
        assertThat(complete(script, "labcloud", "sy")).contains("sync").doesNotContain("ls");
        assertThat(complete(script, "labcloud", "sync", "--ex")).contains("--exclude");
        assertThat(complete(script, "labcloud", "creds", "wh")).containsExactly("whoami");
    }

    /** Asks the completion function, in a bash subprocess, what completes the last word. */
    private static List<String> complete(Path script, String... words) throws Exception {
        StringBuilder w = new StringBuilder();
        for (String word : words) w.append(" '").append(word).append('\'');
        String line = String.join(" ", words);
        String cmd = "source '" + script + "'\n"
                + "COMP_WORDS=(" + w + ")\nCOMP_CWORD=" + (words.length - 1) + "\n"
                + "COMP_LINE='" + line + "'\nCOMP_POINT=${#COMP_LINE}\n"
                + "_complete_labcloud labcloud '" + words[words.length - 1] + "' '" + words[words.length - 2] + "'\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        // stderr apart: outside a real completion, bash's compopt complains (and changes nothing)
        Process p = new ProcessBuilder("bash", "--norc", "--noprofile", "-c", cmd)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * zsh as its users load it (the README): site-functions in fpath, then compinit, in an interactive
     * {@code zsh -f} on a pseudo-terminal (zsh/zpty), where TAB then Enter runs the completed line.
     * A stand-in labcloud function prints the words it got, so each line shows what TAB made of it.
     */
    @Test
    void zshCompletesCommandsAndOptions() throws Exception {
        Path prefix = home.resolve("p");
        assertThat(CliResult.run(env(), "install", "--prefix", prefix.toString()).exitCode()).isZero();
        Path cwd = Files.createDirectories(home.resolve("empty")); // no file names for TAB to fall back on
        String typed = String.join("\n", List.of("labcloud sy", "labcloud sync --ex", "labcloud creds wh").stream()
                .map(line -> "zpty -w -n z $'" + line + "\\t\\r'").toList());
        Path script = home.resolve("complete.zsh");
        Files.writeString(script, "zmodload zsh/zpty || exit 3\n"
                + "zpty z zsh -f -i\n"
                + "zpty -w z \"PS1='%% '; fpath=('" + prefix.resolve("share/zsh/site-functions") + "' $fpath); "
                + "autoload -U compinit; compinit -u -d '" + home.resolve("zcompdump") + "'\"\n"
                + "zpty -w z 'labcloud() { print -r -- \"COMPLETED\"\"<$*>\" }'\n"
                + typed + "\n"
                + "zpty -w z 'print END\"\"MARK'\n"
                + "zpty -r z out '*ENDMARK*'\n"
                + "print -r -- \"$out\"\n"
                + "zpty -d z\n");
        Process p = new ProcessBuilder("zsh", "-f", script.toString()).directory(cwd.toFile()).redirectErrorStream(true).start();
        // zpty -r waits for the end mark: a completion that hangs is killed here
        var reader = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getInputStream().readAllBytes());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        boolean done = p.waitFor(60, TimeUnit.SECONDS);
        if (!done) p.destroyForcibly();
        String out = reader.get(10, TimeUnit.SECONDS);
        assertThat(done).as(out).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        List<String> completed = java.util.regex.Pattern.compile("COMPLETED<([^>]*)>").matcher(out).results()
                .map(m -> m.group(1)).toList();
        assertThat(completed).as(out).containsExactly("sync", "sync --exclude", "creds whoami");
        // nothing printed into the line being edited (an error from the completion script would be)
        assertThat(out).doesNotContain("not found").doesNotContain("_picocli");
    }

    @Test
    void manPagesRender() throws Exception {
        Path prefix = home.resolve("p");
        assertThat(CliResult.run(env(), "install", "--prefix", prefix.toString()).exitCode()).isZero();
        Path page = prefix.resolve("share/man/man1/labcloud-sync.1");
        Process p = new ProcessBuilder("groff", "-man", "-Tutf8", "-ww", page.toString()).redirectErrorStream(false).start();
        String text = new String(p.getInputStream().readAllBytes());
        String warnings = new String(p.getErrorStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(warnings).isEmpty();
        String plain = text.replaceAll(".\b", "");
        assertThat(plain).contains("labcloud-sync", "SYNOPSIS", "OPTIONS", "--exclude", "--delete", "EXIT STATUS");
        try (Stream<Path> pages = Files.list(prefix.resolve("share/man/man1"))) {
            assertThat(pages.map(f -> f.getFileName().toString())).contains("labcloud.1", "labcloud-install.1", "labcloud-audit.1");
        }
    }
}
