package labcloud.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import labcloud.app.Installation;
import labcloud.cli.output.Table;
import labcloud.core.ExitCode;
import labcloud.core.UsageException;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "install", description = "Put a labcloud command on your PATH (a link to this checkout's launcher, which "
        + "rebuilds after a git pull), with bash and zsh completion and a man page per command. --uninstall removes "
        + "exactly those files.")
public final class InstallCommand extends BaseCommand {
    @Option(names = "--prefix", paramLabel = "DIR", description = "install under DIR/bin and DIR/share (default: ~/.local)")
    Path prefix;

    @Option(names = "--uninstall", description = "remove what the last install under the prefix put there")
    boolean uninstall;

    @Option(names = "--dry-run", description = "list the files that would be written or removed; change nothing")
    boolean dryRun;

    @Override
    protected int run() {
        Path p = Installation.prefix(env(), prefix);
        if (Files.exists(p) && !Files.isDirectory(p)) throw new UsageException("--prefix " + p + ": not a directory");
        Installation.Result r = uninstall ? Installation.uninstall(env(), p, dryRun) : Installation.install(env(), p, items(p), dryRun);
        render(r);
        if (!uninstall && !r.dryRun()) hints(p);
        return ExitCode.OK;
    }

    private List<Installation.Item> items(Path p) {
        CommandLine tree = Main.fullCommandLine();
        List<Installation.Item> items = new ArrayList<>();
        items.add(Installation.Item.link("bin/labcloud", launcher()));
        String bash = AutoComplete.bash("labcloud", tree);
        String bashFile = "share/bash-completion/completions/labcloud";
        items.add(Installation.Item.file(bashFile, bash));
        // zsh runs the same completion through its bash compatibility layer. The script is sourced
        // inside a completion, where zsh expands no aliases, so its 'alias compopt=complete' does not
        // reach its functions: zsh has no compopt, and the script only turns bash's file fallback off with it.
        items.add(Installation.Item.file("share/zsh/site-functions/_labcloud", "#compdef labcloud\n"
                + "# labcloud's completion, generated from its command tree; zsh runs it through bashcompinit\n"
                + "autoload -U +X bashcompinit && bashcompinit\n"
                + "(( $+functions[compopt] )) || compopt() { return 0 }\n"
                + "source '" + p.resolve(bashFile).toString().replace("'", "'\\''") + "'\n"
                + "_bash_complete -F _complete_labcloud \"$@\"\n"));
        String version = String.join(" ", tree.getCommandSpec().version());
        ManPages.of(tree, version.isBlank() ? "labcloud" : version)
                .forEach((name, roff) -> items.add(Installation.Item.file("share/man/man1/" + name + ".1", roff)));
        return items;
    }

    /**
     * The launcher script of this checkout: named by the launcher itself (LABCLOUD_LAUNCHER), else
     * found next to the jar's target/ directory.
     */
    private Path launcher() {
        String named = env().get("LABCLOUD_LAUNCHER").orElse(null);
        Path candidate = named != null ? Path.of(named) : besideJar();
        if (candidate == null || !Files.isRegularFile(candidate) || !Files.isExecutable(candidate)) {
            throw new UsageException("cannot find the labcloud launcher script"
                    + (candidate == null ? "" : " (" + candidate + ")") + ": run this from a checkout as ./labcloud install");
        }
        return candidate.toAbsolutePath().normalize();
    }

    private static Path besideJar() {
        try {
            Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path target = jar.getParent();
            return target == null || target.getParent() == null ? null : target.getParent().resolve("labcloud");
        } catch (Exception e) {
            return null;
        }
    }

    private void render(Installation.Result r) {
        String action = (r.dryRun() ? "would " : "") + (uninstall ? "remove" : "write");
        Table t = new Table().fixed("ACTION").left("PATH");
        r.paths().forEach(f -> t.row(action, r.prefix().relativize(f).toString()));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("prefix", r.prefix().toString());
        json.put("action", uninstall ? "uninstall" : "install");
        json.put("dryRun", r.dryRun());
        json.put("files", r.paths().stream().map(Path::toString).toList());
        out().result(json, t);
        out().info((r.dryRun() ? "Nothing changed; prefix " : "Prefix ") + r.prefix());
    }

    private void hints(Path p) {
        Path bin = p.resolve("bin");
        boolean onPath = List.of(env().get("PATH").orElse("").split(":")).stream()
                .anyMatch(d -> !d.isEmpty() && Path.of(d).toAbsolutePath().normalize().equals(bin));
        if (!onPath) out().info(bin + " is not on your PATH: add  export PATH=\"" + bin + ":$PATH\"  to ~/.bashrc or ~/.zshrc");
        out().info("Completion: new bash shells load it (bash-completion); zsh needs " + p.resolve("share/zsh/site-functions")
                + " in fpath before compinit. Man pages: man labcloud-sync"
                + (p.equals(env().home().resolve(".local").toAbsolutePath().normalize()) ? "" : " (MANPATH=" + p.resolve("share/man") + ":)"));
    }
}
