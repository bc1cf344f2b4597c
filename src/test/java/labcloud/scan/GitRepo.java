package labcloud.scan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A real git repository in a temporary directory, driven by the git command line. */
public final class GitRepo {
    private final Path dir;

    private GitRepo(Path dir) {
        this.dir = dir;
    }

    public static GitRepo init() throws IOException {
        Path dir = Files.createTempDirectory("labcloud-scan-repo-");
        GitRepo r = new GitRepo(dir);
        r.git("init", "-q", "-b", "main");
        r.git("config", "user.name", "Test Researcher");
        r.git("config", "user.email", "researcher@lab.example");
        r.git("config", "commit.gpgsign", "false");
        return r;
    }

    public Path dir() {
        return dir;
    }

    public GitRepo write(String path, String content) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return this;
    }

    public GitRepo delete(String path) throws IOException {
        Files.delete(dir.resolve(path));
        return this;
    }

    /** Stages everything and commits as {@code author} at {@code isoDate}; returns the commit id. */
    public String commit(String message, String author, String isoDate) {
        git("add", "-A");
        run(Map.of("GIT_AUTHOR_NAME", author, "GIT_AUTHOR_EMAIL", author.toLowerCase().replace(' ', '.') + "@lab.example",
                "GIT_AUTHOR_DATE", isoDate, "GIT_COMMITTER_DATE", isoDate), "commit", "-q", "--no-verify", "-m", message);
        return git("rev-parse", "HEAD").strip();
    }

    public String git(String... args) {
        return run(Map.of(), args);
    }

    /** Runs git and returns stdout; fails the test if git fails. */
    public String run(Map<String, String> env, String... args) {
        Result r = tryRun(env, args);
        if (r.exit() != 0) throw new AssertionError("git " + String.join(" ", args) + " failed: " + r.stderr() + r.stdout());
        return r.stdout();
    }

    /** Runs git with {@code input} on its stdin and returns stdout; fails the test if git fails. */
    public String runWithInput(String input, String... args) {
        try {
            Path in = Files.createTempFile("git-in", ".txt");
            Files.writeString(in, input, StandardCharsets.UTF_8);
            Result r = tryRun(Map.of(), in, args);
            Files.delete(in);
            if (r.exit() != 0) throw new AssertionError("git " + String.join(" ", args) + " failed: " + r.stderr());
            return r.stdout();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public record Result(int exit, String stdout, String stderr) {}

    public Result tryRun(Map<String, String> env, String... args) {
        return tryRun(env, null, args);
    }

    private Result tryRun(Map<String, String> env, Path stdin, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("git");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().putAll(env);
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.environment().put("HOME", dir.toString());
        try {
            Path out = Files.createTempFile("git-out", ".txt");
            Path err = Files.createTempFile("git-err", ".txt");
            if (stdin != null) pb.redirectInput(stdin.toFile());
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            int code = p.waitFor();
            Result r = new Result(code, Files.readString(out), Files.readString(err));
            Files.delete(out);
            Files.delete(err);
            return r;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }
}
