package labcloud.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writing files that hold secrets: mode 0600 from the first byte, written to a temporary file in
 * the same directory and renamed over the target (readers see the old or the new file, never half),
 * with the previous version kept as {@code NAME.bak}, itself 0600 from its first byte.
 *
 * <p>A target that is a symbolic link (a dotfile manager's) stays a link: the file it points to is
 * the one replaced. The backup sits beside the name the caller gave, where the user looks for it.
 */
public final class SecureFiles {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private static final int MAX_LINKS = 40;

    private SecureFiles() {}

    public static void writeAtomically(Path target, String content) throws IOException {
        writeAtomically(target, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code content}, keeping the previous file as NAME.bak. */
    public static void writeAtomically(Path target, byte[] content) throws IOException {
        writeAtomically(target, content, true);
    }

    /** Writes {@code content}; the previous file is kept as NAME.bak only when {@code backup} is true. */
    public static void writeAtomically(Path target, byte[] content, boolean backup) throws IOException {
        Path real = followLinks(target.toAbsolutePath());
        if (backup && Files.exists(real)) {
            replace(target.resolveSibling(target.getFileName() + ".bak").toAbsolutePath(), Files.readAllBytes(real));
        }
        replace(real, content);
    }

    /** Replaces {@code file} (not a link) by a 0600 file holding {@code content}, atomically. */
    private static void replace(Path file, byte[] content) throws IOException {
        Path dir = file.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        try {
            Files.write(tmp, content);
            try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Creates {@code dir} if needed and makes it owner-only (0700), an existing one included; its
     * parents are left as they are (the user's home is theirs).
     */
    public static void privateDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (!posix(dir)) return;
        if (!Files.getPosixFilePermissions(dir).equals(OWNER_DIR)) Files.setPosixFilePermissions(dir, OWNER_DIR);
    }

    /** Makes an existing file owner-only (0600); a missing file is left missing. */
    public static void privateFile(Path file) throws IOException {
        if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS) || !posix(file)) return;
        if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) Files.setPosixFilePermissions(file, OWNER_ONLY);
    }

    /** Creates an empty owner-only file if there is none, so that what is written into it later is never readable by others. */
    public static void createPrivateFile(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (java.nio.file.FileAlreadyExistsException e) {
            privateFile(file);
        }
    }

    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** The file a chain of symbolic links ends at (which need not exist yet). */
    static Path followLinks(Path path) throws IOException {
        Path p = path;
        for (int i = 0; Files.isSymbolicLink(p); i++) {
            if (i == MAX_LINKS) throw new IOException(path + ": too many levels of symbolic links");
            Path link = Files.readSymbolicLink(p);
            p = p.getParent().resolve(link).normalize();
        }
        return p;
    }
}
