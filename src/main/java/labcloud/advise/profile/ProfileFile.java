package labcloud.advise.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import labcloud.core.Json;
import labcloud.core.SecureFiles;
import labcloud.core.UsageException;

/** Reads and writes profile JSON files ({@code profile --save}, {@code advise --from-profile}). */
public final class ProfileFile {
    private ProfileFile() {}

    /** Written whole or not at all (a temporary file renamed over the target), mode 0600. */
    public static void write(Path file, Profile p) throws IOException {
        SecureFiles.writeAtomically(file, Json.pretty(p) + "\n");
    }

    public static Profile read(Path file) {
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new UsageException(file + ": no such profile file");
        } catch (IOException e) {
            throw new UsageException(file + ": not a labcloud profile (" + e.getMessage().lines().findFirst().orElse("unreadable") + ")");
        }
        if (n == null || !n.isObject() || n.path("version").asInt(-1) != Profile.VERSION || !n.path("peakMemoryBytes").canConvertToLong()
                || !n.path("wallSeconds").isNumber() || !n.path("cores").isNumber()) {
            throw new UsageException(file + ": not a labcloud profile (version " + Profile.VERSION
                    + " with peakMemoryBytes, wallSeconds and cores; make one with labcloud profile --save FILE -- CMD)");
        }
        try {
            return Json.MAPPER.treeToValue(n, Profile.class);
        } catch (IOException e) {
            throw new UsageException(file + ": not a labcloud profile (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }
}
