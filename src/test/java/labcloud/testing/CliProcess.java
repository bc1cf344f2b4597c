package labcloud.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs labcloud as a separate JVM process (the real main, with its real stdout/stderr), for tests
 * that must see exactly what a user's terminal would: exit codes, redaction, logging.
 */
public final class CliProcess {
    private CliProcess() {}

    public static CliResult run(Map<String, String> env, Path workDir, String... args) {
        return run(List.of(), env, workDir, args);
    }

    /** The same with JVM options, e.g. a small -Xmx to show that a run stays within its memory. */
    public static CliResult run(List<String> jvmOptions, Map<String, String> env, Path workDir, String... args) {
        List<String> cmd = new ArrayList<>(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("labcloud.cli.Main");
        return start(cmd, env, workDir, args);
    }

    /** labcloud as it ships: {@code java -jar} on the packaged jar, with nothing of the test class path. */
    public static CliResult runJar(Path jar, Map<String, String> env, Path workDir, String... args) {
        // C1 only and the serial collector, as the launcher runs short commands: each line is a short run
        return start(new ArrayList<>(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString())),
                env, workDir, args);
    }

    private static CliResult start(List<String> javaArgs, Map<String, String> env, Path workDir, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(javaArgs);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        try {
            Path out = java.nio.file.Files.createTempFile("labcloud-out-", ".txt");
            Path err = java.nio.file.Files.createTempFile("labcloud-err-", ".txt");
            pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Process p = pb.start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("labcloud " + String.join(" ", args) + " did not finish");
            }
            CliResult r = new CliResult(p.exitValue(), java.nio.file.Files.readString(out, StandardCharsets.UTF_8),
                    java.nio.file.Files.readString(err, StandardCharsets.UTF_8));
            java.nio.file.Files.deleteIfExists(out);
            java.nio.file.Files.deleteIfExists(err);
            return r;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }
}
