package labcloud.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import labcloud.core.AuditLog;
import labcloud.core.Environment;
import labcloud.core.ExitCode;
import labcloud.core.LabcloudException;
import labcloud.core.UsageException;

/**
 * Puts labcloud on a user's PATH under a prefix (like ~/.local): a link to the launcher, shell
 * completion and man pages, and a list of exactly those files, which is all an uninstall removes.
 * The files are the user's own and hold no secrets, so this acts without --apply, like
 * {@code pip install --user}; each install and uninstall is recorded in the audit log.
 */
public final class Installation {
    /** The list of installed files, relative to the prefix. */
    static final String MANIFEST = "share/labcloud/installed-files";

    /** One file to put in place: a symbolic link (to {@code linkTarget}) or a regular file with {@code content}. */
    public record Item(String path, Path linkTarget, String content, boolean executable) {
        public static Item link(String path, Path target) {
            return new Item(path, target, null, false);
        }

        public static Item file(String path, String content) {
            return new Item(path, null, content, false);
        }
    }

    /** What was (or, in a dry run, would be) written or removed, as paths under the prefix. */
    public record Result(Path prefix, List<Path> paths, boolean dryRun) {}

    private Installation() {}

    /** The prefix given, else ~/.local. */
    public static Path prefix(Environment env, Path given) {
        return (given != null ? given : env.home().resolve(".local")).toAbsolutePath().normalize();
    }

    /** Writes the items (replacing earlier installs of the same files) and the list of them. */
    public static Result install(Environment env, Path prefix, List<Item> items, boolean dryRun) {
        List<Path> written = new ArrayList<>();
        for (Item item : items) written.add(prefix.resolve(item.path()));
        if (dryRun) return new Result(prefix, written, true);
        try {
            // a previous install's files that this one no longer makes (a removed command's man page) go first
            for (Path old : listed(prefix)) if (!written.contains(old)) Files.deleteIfExists(old);
            for (Item item : items) put(prefix.resolve(item.path()), item);
            StringBuilder manifest = new StringBuilder();
            for (Item item : items) manifest.append(item.path()).append('\n');
            writeFile(prefix.resolve(MANIFEST), manifest.toString(), false);
        } catch (IOException e) {
            throw new LabcloudException(ExitCode.FAILED, "cannot install under " + prefix + ": " + e.getMessage(), e);
        }
        record(env, "install", prefix, written);
        return new Result(prefix, written, false);
    }

    /** Removes exactly the files the last install listed, then the list; nothing else. */
    public static Result uninstall(Environment env, Path prefix, boolean dryRun) {
        List<Path> files = listed(prefix);
        if (files.isEmpty() && !Files.exists(prefix.resolve(MANIFEST))) {
            throw new UsageException("nothing to uninstall: no labcloud install under " + prefix);
        }
        if (dryRun) return new Result(prefix, files, true);
        try {
            for (Path f : files) Files.deleteIfExists(f);
            Files.deleteIfExists(prefix.resolve(MANIFEST));
            Path own = prefix.resolve(MANIFEST).getParent();
            try (var left = Files.list(own)) {
                if (left.findAny().isEmpty()) Files.delete(own);
            }
        } catch (IOException e) {
            throw new LabcloudException(ExitCode.FAILED, "cannot uninstall from " + prefix + ": " + e.getMessage(), e);
        }
        record(env, "uninstall", prefix, files);
        return new Result(prefix, files, false);
    }

    /** The files the install under {@code prefix} listed; only paths inside the prefix are believed. */
    static List<Path> listed(Path prefix) {
        Path manifest = prefix.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) return List.of();
        List<Path> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
                if (line.isBlank()) continue;
                Path p = prefix.resolve(line.strip()).normalize();
                if (!p.startsWith(prefix) || p.equals(prefix)) {
                    throw new UsageException(manifest + ": '" + line + "' is outside " + prefix + "; not touching it");
                }
                out.add(p);
            }
        } catch (IOException e) {
            throw new LabcloudException(ExitCode.FAILED, "cannot read " + manifest + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static void put(Path target, Item item) throws IOException {
        Files.createDirectories(target.getParent());
        if (item.linkTarget() != null) {
            Path tmp = target.resolveSibling("." + target.getFileName() + ".labcloud-tmp");
            Files.deleteIfExists(tmp);
            Files.createSymbolicLink(tmp, item.linkTarget());
            move(tmp, target);
        } else {
            writeFile(target, item.content(), item.executable());
        }
    }

    /** Written next to the target and renamed over it: a reader sees the old file or the new one. */
    private static void writeFile(Path target, String content, boolean executable) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
            move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void move(Path tmp, Path target) throws IOException {
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) throw new IOException(target + " is a directory");
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void record(Environment env, String action, Path prefix, List<Path> paths) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("prefix", prefix.toString());
        details.put("files", paths.size());
        new AuditLog(env).record(action, details);
    }
}
