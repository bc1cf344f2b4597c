package labcloud.creds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import labcloud.core.ExitCode;
import labcloud.core.LabcloudException;
import labcloud.core.SecureFiles;

/**
 * One of the AWS shared files (~/.aws/credentials or ~/.aws/config) loaded for editing: its path,
 * the exact bytes it had when read (to restore on rollback and to detect a no-op), and an editor.
 */
public final class SharedFile {
    private final Path path;
    private final byte[] original;
    private final boolean existed;
    /** NAME.bak as it was when read (null: there was none), so a rollback leaves the user's backup alone. */
    private final byte[] originalBackup;
    private IniFile ini;

    private SharedFile(Path path, byte[] original, boolean existed, byte[] originalBackup) {
        this.path = path;
        this.original = original;
        this.existed = existed;
        this.originalBackup = originalBackup;
        this.ini = IniFile.parse(original);
    }

    public static SharedFile load(Path path) {
        try {
            Path backup = backupOf(path);
            byte[] bak = Files.isRegularFile(backup) ? Files.readAllBytes(backup) : null;
            if (!Files.exists(path)) return new SharedFile(path, new byte[0], false, bak);
            return new SharedFile(path, Files.readAllBytes(path), true, bak);
        } catch (IOException e) {
            throw new LabcloudException(ExitCode.FAILED, "cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    public Path path() {
        return path;
    }

    public IniFile ini() {
        return ini;
    }

    public boolean existed() {
        return existed;
    }

    public boolean changed() {
        return !java.util.Arrays.equals(ini.bytes(), original);
    }

    /** Writes the edited text atomically, mode 0600, keeping the previous file as NAME.bak. */
    public void save() {
        if (!changed()) return;
        try {
            SecureFiles.writeAtomically(path, ini.bytes());
        } catch (IOException e) {
            throw new LabcloudException(ExitCode.FAILED, "cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Puts the file back exactly as it was read (rollback), and its NAME.bak too: the user's older
     * backup is not replaced, and no copy of the rolled-back content (e.g. a deleted key's secret)
     * stays behind. A file that did not exist is removed.
     */
    public void restore() {
        try {
            if (existed) SecureFiles.writeAtomically(path, original, false);
            else Files.deleteIfExists(path);
            // NAME.bak as it was; if there was none, the file as it was (the state the edit backed up).
            if (originalBackup != null) SecureFiles.writeAtomically(backupOf(path), originalBackup, false);
            else if (existed) SecureFiles.writeAtomically(backupOf(path), original, false);
            else Files.deleteIfExists(backupOf(path));
            ini = IniFile.parse(original);
        } catch (IOException e) {
            throw new LabcloudException(ExitCode.FAILED, "cannot restore " + path + " (its backup is "
                    + path.getFileName() + ".bak): " + e.getMessage(), e);
        }
    }

    private static Path backupOf(Path path) {
        return path.resolveSibling(path.getFileName() + ".bak");
    }

    /** The section name a profile has in this kind of file: "default"/"NAME" or "profile NAME" in config. */
    public static String configSection(String profile) {
        return "default".equals(profile) ? "default" : "profile " + profile;
    }
}
