package labcloud.machine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import labcloud.core.Environment;
import labcloud.core.ExitCode;
import labcloud.core.LabcloudException;
import labcloud.core.SecureFiles;

/** Private keys of the key pairs labcloud makes, one file per machine under ~/.ssh/labcloud/ (0700, files 0600). */
public final class KeyFiles {
    private final Path dir;

    public KeyFiles(Path dir) {
        this.dir = dir;
    }

    public static KeyFiles of(Environment env) {
        return new KeyFiles(env.home().resolve(".ssh").resolve("labcloud"));
    }

    public Path pathFor(String machine) {
        return dir.resolve(machine + ".pem");
    }

    /** Writes the private key atomically, readable by the owner only; never logged. */
    public Path write(String machine, String privateKey) {
        Path p = pathFor(machine);
        try {
            if (!Files.exists(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            SecureFiles.writeAtomically(p, privateKey.endsWith("\n") ? privateKey : privateKey + "\n");
            Files.deleteIfExists(p.resolveSibling(p.getFileName() + ".bak"));
            return p;
        } catch (IOException e) {
            throw new LabcloudException(ExitCode.FAILED, "cannot write the machine's key file " + p + ": " + e.getMessage(), e);
        }
    }

    public boolean delete(String machine) {
        try {
            return Files.deleteIfExists(pathFor(machine));
        } catch (IOException e) {
            throw new LabcloudException(ExitCode.FAILED, "cannot delete " + pathFor(machine) + ": " + e.getMessage(), e);
        }
    }
}
