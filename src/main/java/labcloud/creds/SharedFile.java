package labcloud.creds;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
    private IniFile ini;

    private SharedFile(Path path, byte[] original, boolean existed) {
        this.path = path;
        this.original = original;
        this.existed = existed;
        this.ini = IniFile.parse(new String(original, StandardCharsets.UTF_8));
    }

    public static SharedFile load(Path path) {
        try {
            if (!Files.exists(path)) return new SharedFile(path, new byte[0], false);
            return new SharedFile(path, Files.readAllBytes(path), true);
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
        return !ini.content().equals(new String(original, StandardCharsets.UTF_8));
    }

    /** Writes the edited text atomically, mode 0600, keeping the previous file as NAME.bak. */
    public void save() {
        if (!changed()) return;
        try {
            SecureFiles.writeAtomically(path, ini.content());
        } catch (IOException e) {
            throw new LabcloudException(ExitCode.FAILED, "cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    /** Puts the file back exactly as it was read (rollback); a file that did not exist is removed. */
    public void restore() {
        try {
            if (existed) {
                // Twice: the second write also turns NAME.bak back into the original, so no copy of
                // the rolled-back content (e.g. a deleted key's secret) stays behind.
                SecureFiles.writeAtomically(path, original);
                SecureFiles.writeAtomically(path, original);
            } else {
                Files.deleteIfExists(path);
                Files.deleteIfExists(path.resolveSibling(path.getFileName() + ".bak"));
            }
            ini = IniFile.parse(new String(original, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new LabcloudException(ExitCode.FAILED, "cannot restore " + path + " (its backup is "
                    + path.getFileName() + ".bak): " + e.getMessage(), e);
        }
    }

    /** The section name a profile has in this kind of file: "default"/"NAME" or "profile NAME" in config. */
    public static String configSection(String profile) {
        return "default".equals(profile) ? "default" : "profile " + profile;
    }
}
