package labcloud.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A file with which the lab replaces one of labcloud's bundled defaults (policy.yaml, advice.yaml):
 * the one named on the command line, else the one under ~/.labcloud, else none.
 */
public final class LabFile {
    /** The file's text and its path, for error messages that name file and line. */
    public record Text(String text, String source) {}

    private LabFile() {}

    /**
     * Reads the explicit file, else {@code ~/.labcloud/NAME} when it exists; empty when neither is
     * given (the bundled default applies). A named file that is missing or unreadable is bad input.
     */
    public static Optional<Text> read(Environment env, Path explicit, String name, String what) {
        Path file = explicit;
        if (file == null) {
            Path home = env.labcloudDir().resolve(name);
            if (!Files.isRegularFile(home)) return Optional.empty();
            file = home;
        }
        try {
            return Optional.of(new Text(Files.readString(file), file.toString()));
        } catch (NoSuchFileException e) {
            throw new UsageException(file + ": no such " + what + " file");
        } catch (IOException e) {
            throw new UsageException(file + ": cannot read the " + what + " file: " + e.getMessage());
        }
    }
}
