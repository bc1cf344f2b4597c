package labcloud.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import labcloud.cli.output.Table;
import labcloud.core.AuditLog;
import labcloud.core.ExitCode;
import labcloud.scan.HookInstaller;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "install-hook", description = "Install a git pre-commit hook that blocks commits containing AWS credentials "
        + "or private keys (an existing hook is kept and run first).")
public final class ScanInstallHookCommand extends BaseCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "REPO", description = "the git repository (default: .)")
    Path repo;

    @Override
    protected int run() {
        Path dir = (repo == null ? Path.of(".") : repo).toAbsolutePath().normalize();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // Run by ./labcloud (which says so in LABCLOUD_LAUNCHER): the hook goes through it too.
        Path launcher = env().get("LABCLOUD_LAUNCHER").filter(l -> !l.isBlank()).map(Path::of)
                .filter(Files::isExecutable).map(l -> l.toAbsolutePath().normalize()).orElse(null);
        HookInstaller.Installed done = HookInstaller.install(dir, java, absoluteClassPath(), launcher);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("hook", done.hook().toString());
        json.put("chained", done.chained() == null ? null : done.chained().toString());
        json.put("updated", done.updated());
        new AuditLog(env()).record("scan.install-hook", json);
        Table t = new Table().left("HOOK").left("RUNS FIRST");
        t.row(done.hook(), done.chained() == null ? "-" : done.chained());
        out().result(json, t);
        out().info((done.updated() ? "Updated" : "Installed") + " the labcloud pre-commit hook: commits with AWS keys or "
                + "private keys are now blocked (skip once with git commit --no-verify).");
        return ExitCode.OK;
    }

    /** The hook runs labcloud from wherever this process runs it from: make every entry absolute. */
    private static String absoluteClassPath() {
        List<String> parts = new ArrayList<>();
        for (String p : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!p.isBlank()) parts.add(Path.of(p).toAbsolutePath().normalize().toString());
        }
        return String.join(File.pathSeparator, parts);
    }
}
