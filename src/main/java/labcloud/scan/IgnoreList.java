package labcloud.scan;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import labcloud.core.Json;
import labcloud.core.UsageException;

/**
 * Fingerprints not to report: from an earlier JSON report ({@code --baseline}) and from the
 * ignore file ({@code .labcloudignore}: one fingerprint per line, {@code #} comments).
 */
public final class IgnoreList {
    public static final String FILE_NAME = ".labcloudignore";
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{20}");

    private IgnoreList() {}

    /** Reads the fingerprints of an earlier {@code labcloud scan --format json} report. */
    public static Set<String> baseline(Path report) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(Files.readAllBytes(report));
        } catch (NoSuchFileException e) {
            throw new UsageException("baseline " + report + ": no such file");
        } catch (IOException e) {
            throw new UsageException("baseline " + report + ": not a JSON report from `labcloud scan --format json` ("
                    + firstLine(e.getMessage()) + ")");
        }
        JsonNode findings = root == null ? null : root.get("findings");
        if (findings == null || !findings.isArray()) {
            throw new UsageException("baseline " + report + ": no \"findings\" array (expected a report from `labcloud scan --format json`)");
        }
        Set<String> out = new HashSet<>();
        int i = 0;
        for (JsonNode f : findings) {
            i++;
            JsonNode fp = f.get("fingerprint");
            if (fp == null || !fp.isTextual() || !FINGERPRINT.matcher(fp.asText()).matches()) {
                throw new UsageException("baseline " + report + ": finding " + i + " has no valid \"fingerprint\"");
            }
            out.add(fp.asText());
        }
        return out;
    }

    /** Reads an ignore file; a missing file ignores nothing. */
    public static Set<String> ignoreFile(Path file) {
        Set<String> out = new HashSet<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return out;
        } catch (IOException e) {
            throw new UsageException(file + ": cannot read (" + firstLine(e.getMessage()) + ")");
        }
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            int hash = line.indexOf('#');
            String v = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (v.isEmpty()) continue;
            if (!FINGERPRINT.matcher(v).matches()) {
                throw new UsageException(file + " line " + (n + 1) + ": '" + v + "' is not a fingerprint (20 hex digits from a scan report)");
            }
            out.add(v);
        }
        return out;
    }

    private static String firstLine(String s) {
        return s == null ? "unreadable" : s.lines().findFirst().orElse("").strip();
    }
}
