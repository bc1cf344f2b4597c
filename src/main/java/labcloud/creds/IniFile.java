package labcloud.creds;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A line-preserving editor for the AWS shared config files. Unlike a parser that re-serialises,
 * it keeps every line it does not touch byte for byte (comments, ordering, blank lines, spacing,
 * CRLF or LF endings), so editing one profile never disturbs the rest of a user's file.
 *
 * <p>It edits bytes, not decoded text: lines are held as Latin-1 views of the file's bytes (one
 * char per byte), so a byte that is not UTF-8 survives untouched; names and values cross the API
 * as UTF-8.
 */
public final class IniFile {
    /** One line: its text without the terminator, and the terminator itself ("\n", "\r\n" or ""). */
    private record Line(String text, String eol) {}

    /** The UTF-8 byte order mark, as its three bytes. */
    private static final String BOM = "\u00EF\u00BB\u00BF";

    private final List<Line> lines = new ArrayList<>();
    /** The line ending new lines get: the file's own (CRLF if its first line ends so). */
    private final String newline;

    private IniFile(String content) {
        int start = 0;
        for (int i = 0; i < content.length(); i++) {
            if (content.charAt(i) == '\n') {
                boolean crlf = i > start && content.charAt(i - 1) == '\r';
                lines.add(new Line(content.substring(start, crlf ? i - 1 : i), crlf ? "\r\n" : "\n"));
                start = i + 1;
            }
        }
        if (start < content.length()) lines.add(new Line(content.substring(start), ""));
        newline = lines.isEmpty() || !lines.getFirst().eol().equals("\r\n") ? "\n" : "\r\n";
    }

    public static IniFile parse(String content) {
        return parse(content == null ? new byte[0] : content.getBytes(StandardCharsets.UTF_8));
    }

    public static IniFile parse(byte[] bytes) {
        return new IniFile(new String(bytes, StandardCharsets.ISO_8859_1));
    }

    /** The file's bytes: untouched lines exactly as read. */
    public byte[] bytes() {
        StringBuilder sb = new StringBuilder();
        for (Line l : lines) sb.append(l.text()).append(l.eol());
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The file's text, decoded as UTF-8. */
    public String content() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    /** A UTF-8 string as the one-char-per-byte form lines are held in. */
    private static String raw(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    private static String text(String raw) {
        return new String(raw.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    /** The section names in file order, as written between the brackets (e.g. "profile lab"). */
    public List<String> sections() {
        List<String> out = new ArrayList<>();
        for (Line l : lines) headerName(l.text()).map(IniFile::text).ifPresent(out::add);
        return out;
    }

    public boolean hasSection(String section) {
        return headerIndex(raw(section)) >= 0;
    }

    /** The section's keys and values in order; empty if there is no such section. */
    public Map<String, String> section(String section) {
        Map<String, String> out = new LinkedHashMap<>();
        int h = headerIndex(raw(section));
        if (h < 0) return out;
        for (int i = h + 1; i < end(h); i++) {
            String[] kv = keyValue(lines.get(i).text());
            if (kv != null) out.put(text(kv[0]), text(kv[1]));
        }
        return out;
    }

    public Optional<String> get(String section, String key) {
        return Optional.ofNullable(section(section).get(key)).filter(v -> !v.isEmpty());
    }

    /**
     * Sets a key: replaces its line in place if the section has it, otherwise adds a line after the
     * section's last setting; creates the section at the end of the file if needed.
     */
    public IniFile set(String section, String key, String value) {
        return setRaw(raw(section), raw(key), raw(value));
    }

    private IniFile setRaw(String section, String key, String value) {
        int h = headerIndex(section);
        if (h < 0) {
            appendSection(section);
            h = headerIndex(section);
        }
        int last = h;
        for (int i = h + 1; i < end(h); i++) {
            String[] kv = keyValue(lines.get(i).text());
            if (kv == null) continue;
            if (kv[0].equals(key)) {
                // Keep the line's own spelling up to the value ("key=", "key = ", indentation of '=').
                String text = lines.get(i).text();
                int eq = text.indexOf('=') + 1;
                while (eq < text.length() && (text.charAt(eq) == ' ' || text.charAt(eq) == '\t')) eq++;
                lines.set(i, new Line(text.substring(0, eq) + value, lines.get(i).eol()));
                return this;
            }
            last = i;
        }
        insertAfter(last, key + " = " + value);
        return this;
    }

    /** Removes a key's line(s) from a section; other lines stay as they are. */
    public IniFile remove(String section, String key) {
        return removeRaw(raw(section), raw(key));
    }

    private IniFile removeRaw(String section, String key) {
        int h = headerIndex(section);
        if (h < 0) return this;
        for (int i = end(h) - 1; i > h; i--) {
            String[] kv = keyValue(lines.get(i).text());
            if (kv != null && kv[0].equals(key)) lines.remove(i);
        }
        return this;
    }

    private void appendSection(String section) {
        if (!lines.isEmpty()) {
            Line last = lines.getLast();
            if (last.eol().isEmpty()) lines.set(lines.size() - 1, new Line(last.text(), newline));
            if (!lines.getLast().text().isBlank()) lines.add(new Line("", newline));
        }
        lines.add(new Line("[" + section + "]", newline));
    }

    private void insertAfter(int index, String text) {
        Line prev = lines.get(index);
        if (prev.eol().isEmpty()) lines.set(index, new Line(prev.text(), newline));
        lines.add(index + 1, new Line(text, newline));
    }

    private int headerIndex(String section) {
        for (int i = 0; i < lines.size(); i++) {
            Optional<String> name = headerName(lines.get(i).text());
            if (name.isPresent() && name.get().equals(section)) return i;
        }
        return -1;
    }

    /** Index just past the section starting at header h. */
    private int end(int h) {
        for (int i = h + 1; i < lines.size(); i++) {
            if (headerName(lines.get(i).text()).isPresent()) return i;
        }
        return lines.size();
    }

    private static Optional<String> headerName(String text) {
        String t = stripBom(text).strip();
        if (t.startsWith("[") && t.endsWith("]") && t.length() > 2) {
            return Optional.of(t.substring(1, t.length() - 1).strip().replaceAll("\\s+", " "));
        }
        return Optional.empty();
    }

    /** key and value of a "key = value" line, or null for comments, blanks and continuations. */
    private static String[] keyValue(String text) {
        String t = stripBom(text);
        if (t.isBlank() || t.startsWith(" ") || t.startsWith("\t")) return null;
        t = t.strip();
        if (t.startsWith("#") || t.startsWith(";")) return null;
        int eq = t.indexOf('=');
        if (eq <= 0) return null;
        return new String[] {t.substring(0, eq).strip(), t.substring(eq + 1).strip()};
    }

    private static String stripBom(String s) {
        return s.startsWith(BOM) ? s.substring(BOM.length()) : s;
    }
}
