package labcloud.git;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import labcloud.core.ExitCode;
import labcloud.core.LabcloudException;

/**
 * The one way labcloud runs git, safe in a repository nobody here trusts (an unpacked archive, a
 * stranger's clone). A repository's own config may name commands that git runs by itself; here
 * none of them can run:
 * <ul>
 * <li>only read-only plumbing is used (rev-parse, config, ls-files, check-ignore, diff --cached
 *     --name-only, log --raw, cat-file --batch): they run no hooks, editors, merge drivers or filters;</li>
 * <li>every command-bearing setting is overridden from the command line, which wins over every config
 *     file and include: the fixed keys in {@link #FIXED}, and each filter, diff, merge and credential
 *     driver the repository's effective config defines;</li>
 * <li>log and diff get --no-ext-diff --no-textconv (and log --no-show-signature: no gpg.program);</li>
 * <li>no transport at all (GIT_ALLOW_PROTOCOL names no protocol, lazy fetch off), so a partial
 *     clone cannot fetch through a remote's uploadpack, ext:: URL or core.sshCommand;</li>
 * <li>each process has a deadline, so nothing waits forever.</li>
 * </ul>
 * The settings go through GIT_CONFIG_COUNT/KEY/VALUE rather than {@code -c}, so a driver name with
 * '=' in it cannot change what is overridden.
 */
public final class Git {
    /** Settings that name a program, or make git start one, and what they become. */
    static final Map<String, String> FIXED = fixed();

    private static Map<String, String> fixed() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("core.fsmonitor", "false");
        m.put("core.hooksPath", "/dev/null");
        m.put("core.sshCommand", "");
        m.put("core.gitProxy", "");
        m.put("core.askPass", "");
        m.put("core.pager", "cat");
        m.put("core.editor", ":");
        m.put("sequence.editor", ":");
        m.put("core.alternateRefsCommand", "");
        m.put("diff.external", "");
        m.put("log.showSignature", "false");
        m.put("gpg.program", "");
        m.put("gpg.openpgp.program", "");
        m.put("gpg.x509.program", "");
        m.put("gpg.ssh.program", "");
        m.put("gpg.ssh.defaultKeyCommand", "");
        m.put("credential.helper", "");
        m.put("protocol.allow", "never");
        m.put("submodule.recurse", "false");
        m.put("gc.auto", "0");
        m.put("maintenance.auto", "false");
        m.put("core.quotePath", "false");
        return Map.copyOf(m);
    }

    /** Per-driver settings in the repository's config that name a command. */
    private static final Pattern DRIVER = Pattern.compile(
            "(filter)\\.(.+)\\.(?:clean|smudge|process|required)|(diff)\\.(.+)\\.(?:command|textconv)"
                    + "|(merge)\\.(.+)\\.driver|(credential)\\.(.+)\\.helper|(pager)\\.(.+)|(remote)\\.(.+)\\.promisor",
            Pattern.DOTALL);
    /** No protocol has this name, so GIT_ALLOW_PROTOCOL allows none (it overrides protocol.*.allow). */
    private static final String NO_PROTOCOL = "labcloud-no-transport";

    static final Duration SHORT_TOTAL = Duration.ofMinutes(10);
    static final Duration SHORT_IDLE = Duration.ofMinutes(2);
    static final Duration STREAM_IDLE = Duration.ofMinutes(5);
    private static final Duration NO_LIMIT = Duration.ofDays(365);

    private final Path dir;
    private final Path top;
    private final List<String[]> overrides;

    private Git(Path dir, Path top, List<String[]> overrides) {
        this.dir = dir;
        this.top = top;
        this.overrides = overrides;
    }

    /**
     * git in {@code dir} (commands run there), or empty when {@code dir} is not inside a work tree
     * git accepts (not a repository, a broken config, an owner git does not trust).
     */
    public static Optional<Git> open(Path dir) {
        Git bare = new Git(dir, dir, fixedOverrides());
        byte[] out;
        try {
            out = bare.run("rev-parse", "--show-toplevel");
        } catch (LabcloudException e) {
            if (e.getMessage().startsWith("cannot run git")) throw e;
            return Optional.empty();
        }
        String top = new String(out, StandardCharsets.UTF_8).strip();
        if (top.isEmpty()) return Optional.empty();
        List<String[]> overrides = fixedOverrides();
        overrides.addAll(driverOverrides(bare.run("config", "--null", "--list")));
        return Optional.of(new Git(dir, Path.of(top), List.copyOf(overrides)));
    }

    private static List<String[]> fixedOverrides() {
        List<String[]> out = new ArrayList<>();
        FIXED.forEach((k, v) -> out.add(new String[] {k, v}));
        return out;
    }

    /** Overrides for each driver defined in {@code config} (the output of config --null --list). */
    static List<String[]> driverOverrides(byte[] config) {
        List<String[]> out = new ArrayList<>();
        java.util.Set<String> done = new java.util.HashSet<>();
        for (String entry : new String(config, StandardCharsets.UTF_8).split("\0")) {
            int nl = entry.indexOf('\n');
            String key = nl < 0 ? entry : entry.substring(0, nl);
            Matcher m = DRIVER.matcher(key);
            if (!m.matches() || !done.add(key)) continue;
            if (m.group(1) != null) {
                String d = "filter." + m.group(2);
                if (!done.add(d)) continue;
                out.add(new String[] {d + ".clean", ""});
                out.add(new String[] {d + ".smudge", ""});
                out.add(new String[] {d + ".process", ""});
                out.add(new String[] {d + ".required", "false"});
            } else if (m.group(3) != null) {
                String d = "diff." + m.group(4);
                if (!done.add(d)) continue;
                out.add(new String[] {d + ".command", ""});
                out.add(new String[] {d + ".textconv", ""});
            } else if (m.group(5) != null) {
                out.add(new String[] {key, ""});
            } else if (m.group(7) != null) {
                out.add(new String[] {key, ""});
            } else if (m.group(9) != null) {
                out.add(new String[] {key, "false"});
            } else {
                out.add(new String[] {key, "false"});
            }
        }
        return out;
    }

    /** The top-level directory of the work tree. */
    public Path top() {
        return top;
    }

    /**
     * The hooks directory git commit will use: the repository's core.hooksPath or .git/hooks,
     * relative to the directory this runner works in. Only here is core.hooksPath left as the
     * repository has it: rev-parse runs no hook, and a hook installed elsewhere would never run.
     */
    public Path hooksDir() {
        List<String[]> kept = overrides.stream().filter(kv -> !kv[0].equals("core.hooksPath")).toList();
        String out = new String(new Git(dir, top, kept).run("rev-parse", "--git-path", "hooks"), StandardCharsets.UTF_8).strip();
        return dir.resolve(out);
    }

    /** The settings this runner passes to every git call (for tests and diagnostics). */
    List<String[]> overrides() {
        return overrides;
    }

    /** Starts a long-running git command (streaming output); killed when a read waits longer than 5 minutes. */
    public GitProcess start(String... args) {
        return start(NO_LIMIT, STREAM_IDLE, false, args);
    }

    GitProcess start(Duration total, Duration idle, boolean keepStderr, String... args) {
        ProcessBuilder pb = new ProcessBuilder(command(args)).directory(dir.toFile());
        environment(pb.environment());
        if (!keepStderr) pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        try {
            return new GitProcess(pb.start(), args[0], total, idle);
        } catch (IOException e) {
            throw new LabcloudException(ExitCode.FAILED, "cannot run git: " + e.getMessage() + " (is git installed?)", e);
        }
    }

    /** Runs git to completion and returns its output; a failure is an exception with git's first error line. */
    public byte[] run(String... args) {
        return run(null, args);
    }

    /** Runs git with {@code stdin} as its input (may be null); a non-zero exit is an exception. */
    public byte[] run(byte[] stdin, String... args) {
        Result r = exec(stdin, args);
        if (r.exit() != 0) {
            throw new LabcloudException(ExitCode.FAILED, "git " + args[0] + " failed in " + dir + ": " + r.error());
        }
        return r.stdout();
    }

    /** How a git command ended: its exit code, its output and its first error line. */
    public record Result(int exit, byte[] stdout, String error) {}

    /** Runs git to completion whatever its exit code (for commands whose exit code is an answer). */
    public Result exec(byte[] stdin, String... args) {
        try (GitProcess p = start(SHORT_TOTAL, SHORT_IDLE, true, args)) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread errReader = Thread.ofVirtual().start(() -> drain(p, err));
            Thread writer = Thread.ofVirtual().start(() -> feed(p.stdin(), stdin));
            byte[] out = p.stdout().readAllBytes();
            int code = p.waitFor();
            errReader.join();
            writer.join();
            String msg = err.toString(StandardCharsets.UTF_8).strip().lines().findFirst().orElse("exit " + code);
            return new Result(code, out, msg);
        } catch (IOException e) {
            throw new LabcloudException(ExitCode.FAILED, "git " + args[0] + " failed in " + dir + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabcloudException(ExitCode.FAILED, "interrupted");
        }
    }

    /** Runs git to completion and splits its output at NUL bytes (for -z output). */
    public List<String> nulSeparated(String... args) {
        byte[] out = run(args);
        List<String> tokens = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= out.length; i++) {
            if (i == out.length || out[i] == 0) {
                if (i > start) tokens.add(new String(out, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return tokens;
    }

    private static void drain(GitProcess p, ByteArrayOutputStream err) {
        try {
            p.stderr().transferTo(err);
        } catch (IOException ignored) {
            // best effort: only for the message
        }
    }

    private static void feed(OutputStream in, byte[] stdin) {
        try (in) {
            if (stdin != null) in.write(stdin);
        } catch (IOException ignored) {
            // git stopped reading: its exit code says why
        }
    }

    private List<String> command(String... args) {
        List<String> cmd = new ArrayList<>(List.of("git", "--no-pager"));
        cmd.add(args[0]);
        switch (args[0]) {
            case "log" -> cmd.addAll(List.of("--no-show-signature", "--no-ext-diff", "--no-textconv", "--no-color"));
            case "diff" -> cmd.addAll(List.of("--no-ext-diff", "--no-textconv", "--no-color"));
            default -> { }
        }
        cmd.addAll(List.of(args).subList(1, args.length));
        return cmd;
    }

    private void environment(Map<String, String> env) {
        for (String v : List.of("GIT_EXTERNAL_DIFF", "GIT_SSH", "GIT_SSH_COMMAND", "GIT_ASKPASS", "SSH_ASKPASS",
                "GIT_PROXY_COMMAND")) {
            env.remove(v);
        }
        env.put("GIT_ALLOW_PROTOCOL", NO_PROTOCOL);
        env.put("GIT_PROTOCOL_FROM_USER", "0");
        env.put("GIT_NO_LAZY_FETCH", "1");
        env.put("GIT_TERMINAL_PROMPT", "0");
        env.put("GIT_OPTIONAL_LOCKS", "0");
        env.put("GIT_PAGER", "cat");
        env.put("GIT_EDITOR", ":");
        // Appended after any the user set, so ours win over theirs and over every config file.
        int n = 0;
        try {
            n = Integer.parseInt(env.getOrDefault("GIT_CONFIG_COUNT", "0").strip());
        } catch (NumberFormatException e) {
            n = 0;
        }
        if (n < 0) n = 0;
        for (String[] kv : overrides) {
            env.put("GIT_CONFIG_KEY_" + n, kv[0]);
            env.put("GIT_CONFIG_VALUE_" + n, kv[1]);
            n++;
        }
        env.put("GIT_CONFIG_COUNT", String.valueOf(n));
    }
}
