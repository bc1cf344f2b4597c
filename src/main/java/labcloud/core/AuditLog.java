package labcloud.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Append-only record of every change labcloud makes (to AWS or to local credential files), one
 * JSON object per line in ~/.labcloud/audit.log. Values pass through the redactor first.
 */
public final class AuditLog {
    private final Path file;

    public AuditLog(Environment env) {
        this.file = env.labcloudDir().resolve("audit.log");
    }

    public Path file() {
        return file;
    }

    public synchronized void record(String action, Map<String, ?> details) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("time", Instant.now().toString());
        entry.put("action", action);
        entry.putAll(details);
        try {
            SecureFiles.privateDirectory(file.getParent());
            if (!Files.exists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            String line = Redactor.secrets(Json.MAPPER.writeValueAsString(entry)) + "\n";
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new LabcloudException(ExitCode.FAILED, "cannot write the audit log " + file + ": " + e.getMessage(), e);
        }
    }
}
