package labcloud.transfer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads remotes.yaml when it is exactly as labcloud writes it: an optional {@code ---}, then per
 * remote its name (plain, or double-quoted) and two-space-indented fields, strings double-quoted
 * without escapes, booleans bare. That is nearly every file; anything else (comments, other quoting, flow style, repeated
 * names) gets {@code null}, and the caller reads it with the full YAML parser.
 *
 * <p>Why: cp, sync, ls and du read this file before their first request, and building Jackson's
 * YAML mapper costs about 35 ms of CPU on a cold JVM (its date formats, SnakeYAML, BigDecimal).
 */
final class PlainRemotesYaml {
    private PlainRemotesYaml() {}

    /** The remotes' fields by name, as the YAML parser would give them; null if not in this plain form. */
    static Map<String, Map<String, Object>> read(String text) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        Map<String, Object> fields = null;
        boolean first = true;
        for (String line : text.split("\n", -1)) {
            if (first && line.equals("---")) {
                first = false;
                continue;
            }
            first = false;
            if (line.isEmpty()) continue;
            if (!isPlainAscii(line)) return null;
            if (line.charAt(0) != ' ') {
                String name = line.endsWith(":") ? line.substring(0, line.length() - 1) : "";
                // names YAML would read as something else (null, true, 123) are written quoted
                if (name.length() > 2 && name.startsWith("\"") && name.endsWith("\"")) name = name.substring(1, name.length() - 1);
                if (!Remote.validName(name) || out.containsKey(name)) return null;
                fields = new LinkedHashMap<>();
                out.put(name, fields);
                continue;
            }
            int colon = line.indexOf(": ");
            if (fields == null || !line.startsWith("  ") || colon < 3) return null;
            String key = line.substring(2, colon);
            String value = line.substring(colon + 2);
            if (fields.containsKey(key)) return null;
            switch (key) {
                case "endpoint", "profile", "region" -> {
                    if (value.length() < 2 || !value.startsWith("\"") || !value.endsWith("\"")) return null;
                    String inner = value.substring(1, value.length() - 1);
                    if (inner.indexOf('"') >= 0 || inner.indexOf('\\') >= 0) return null;
                    fields.put(key, inner);
                }
                case "pathStyle", "compat" -> {
                    if (!value.equals("true") && !value.equals("false")) return null;
                    fields.put(key, Boolean.valueOf(value));
                }
                default -> {
                    return null;
                }
            }
        }
        for (Map<String, Object> f : out.values()) if (f.isEmpty()) return null; // a name without fields
        return out;
    }

    /** Printable ASCII only: no tabs, carriage returns or anything YAML might read otherwise. */
    private static boolean isPlainAscii(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x20 || c > 0x7e) return false;
        }
        return true;
    }
}
