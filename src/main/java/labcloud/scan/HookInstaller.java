package labcloud.scan;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import labcloud.core.ExitCode;
import labcloud.core.LabcloudException;
import labcloud.core.UsageException;
import labcloud.git.Git;

/**
 * Installs the git pre-commit hook that runs {@code labcloud scan --staged}. An existing hook is
 * kept and run first (renamed to {@value #CHAINED}), never replaced. The hook runs labcloud with
 * the same Java and class path as the installing process, so it works without labcloud on PATH;
 * if those are gone, it falls back to {@code labcloud} on PATH.
 */
public final class HookInstaller {
    static final String MARKER = "# labcloud pre-commit hook";
    static final String CHAINED = "pre-commit.labcloud-chained";

    /** What was done: where the hook is, and the earlier hook it now runs first (null if none). */
    public record Installed(Path hook, Path chained, boolean updated) {}

    private HookInstaller() {}

    public static Installed install(Path repoDir, Path java, String classPath) {
        return install(repoDir, java, classPath, null);
    }

    /**
     * @param java      the java executable to run labcloud with
     * @param classPath labcloud's class path (its jar, or classes and dependencies)
     * @param launcher  the labcloud launcher script that ran this install, or null: the hook runs it
     *                  first while it exists, for its start-up cache (the hook runs on every commit)
     */
    public static Installed install(Path repoDir, Path java, String classPath, Path launcher) {
        Git git = Git.open(repoDir).orElseThrow(() -> new UsageException(
                "install-hook needs a git repository: " + repoDir + " is not inside one"));
        Path hooks = git.hooksDir();
        Path hook = hooks.resolve("pre-commit");
        Path chained = hooks.resolve(CHAINED);
        try {
            Files.createDirectories(hooks);
            boolean ours = Files.exists(hook) && Files.readString(hook, StandardCharsets.ISO_8859_1).contains(MARKER);
            if (Files.exists(hook) && !ours) {
                if (Files.exists(chained)) {
                    throw new UsageException(hook + " exists and so does " + chained + "; merge them by hand, then re-run install-hook");
                }
                Files.move(hook, chained);
                if (!Files.isExecutable(chained)) chained.toFile().setExecutable(true);
            }
            Path tmp = hooks.resolve(".pre-commit.labcloud.tmp");
            Files.writeString(tmp, script(java, classPath, launcher), StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.move(tmp, hook, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Installed(hook, Files.exists(chained) ? chained : null, ours);
        } catch (IOException e) {
            throw new LabcloudException(ExitCode.FAILED, "cannot install the hook in " + hooks + ": " + e.getMessage(), e);
        }
    }

    static String script(Path java, String classPath, Path launcher) {
        String firstEntry = List.of(classPath.split(File.pathSeparator)).get(0);
        return "#!/bin/sh\n"
                + MARKER + ": blocks commits that contain AWS credentials or private keys.\n"
                + "# Installed by `labcloud scan install-hook` (re-run it to update). Skip once: git commit --no-verify\n"
                + "hooks_dir=$(dirname \"$0\")\n"
                + "if [ -x \"$hooks_dir/" + CHAINED + "\" ]; then\n"
                + "  \"$hooks_dir/" + CHAINED + "\" \"$@\" || exit $?\n"
                + "fi\n"
                + "LABCLOUD_JAVA=" + shellQuote(java.toString()) + "\n"
                + "LABCLOUD_CP=" + shellQuote(classPath) + "\n"
                + (launcher == null ? "" : "LABCLOUD_LAUNCHER=" + shellQuote(launcher.toString()) + "\n"
                        + "if [ -x \"$LABCLOUD_LAUNCHER\" ]; then\n"
                        + "  exec \"$LABCLOUD_LAUNCHER\" scan --staged\n"
                        + "fi\n")
                + "if [ -x \"$LABCLOUD_JAVA\" ] && [ -e " + shellQuote(firstEntry) + " ]; then\n"
                + "  exec \"$LABCLOUD_JAVA\" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp \"$LABCLOUD_CP\" labcloud.cli.Main scan --staged\n"
                + "elif command -v labcloud >/dev/null 2>&1; then\n"
                + "  exec labcloud scan --staged\n"
                + "else\n"
                + "  echo \"labcloud pre-commit hook: labcloud is no longer at \" " + shellQuote(firstEntry)
                + " \" and not on PATH; install it or re-run 'labcloud scan install-hook'\" >&2\n"
                + "  exit 1\n"
                + "fi\n";
    }

    private static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
