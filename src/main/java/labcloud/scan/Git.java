package labcloud.scan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import labcloud.core.ExitCode;
import labcloud.core.LabcloudException;

/** Runs the git command line (the user's own git, with its config), the way the scanner needs it. */
final class Git {
    private Git() {}

    static ProcessBuilder command(Path dir, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("git");
        cmd.add("-c");
        cmd.add("core.quotePath=false");
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(dir.toFile());
    }

    static Process start(Path dir, String... args) {
        try {
            return command(dir, args).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new LabcloudException(ExitCode.FAILED, "cannot run git: " + e.getMessage() + " (is git installed?)", e);
        }
    }

    /** The repository's top-level directory, or empty when {@code dir} is not inside a git work tree. */
    static Optional<Path> topLevel(Path dir) {
        try {
            Process p = command(dir, "rev-parse", "--show-toplevel").redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 && !out.isEmpty() ? Optional.of(Path.of(out)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Runs git to completion and splits its output at NUL bytes (for -z output). */
    static List<String> nulSeparated(Path dir, String... args) {
        byte[] out = run(dir, args);
        List<String> tokens = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == 0) {
                if (i > start) tokens.add(new String(out, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start < out.length) tokens.add(new String(out, start, out.length - start, StandardCharsets.UTF_8));
        return tokens;
    }

    static byte[] run(Path dir, String... args) {
        try {
            Process p = command(dir, args).start();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread errReader = Thread.ofVirtual().start(() -> {
                try {
                    p.getErrorStream().transferTo(err);
                } catch (IOException ignored) {
                    // best effort: only for the message
                }
            });
            byte[] out = p.getInputStream().readAllBytes();
            int code = p.waitFor();
            errReader.join();
            if (code != 0) {
                String msg = err.toString(StandardCharsets.UTF_8).trim().lines().findFirst().orElse("exit " + code);
                throw new LabcloudException(ExitCode.FAILED, "git " + args[0] + " failed in " + dir + ": " + msg);
            }
            return out;
        } catch (IOException e) {
            throw new LabcloudException(ExitCode.FAILED, "cannot run git: " + e.getMessage() + " (is git installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabcloudException(ExitCode.FAILED, "interrupted");
        }
    }

    /** Reads a NUL-terminated token from a stream; null at the end. */
    static String readToken(InputStream in, ByteArrayOutputStream buf) throws IOException {
        buf.reset();
        int c;
        while ((c = in.read()) > 0) buf.write(c);
        if (c < 0 && buf.size() == 0) return null;
        return buf.toString(StandardCharsets.UTF_8);
    }
}
