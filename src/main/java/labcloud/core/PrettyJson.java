package labcloud.core;

import java.util.List;
import java.util.Map;

/**
 * Pretty-printed JSON for output: the same text as {@link Json#pretty}, written here without Jackson
 * when the document is a plain tree (maps with string keys, lists, strings, whole numbers, booleans,
 * nulls), as the scanner's reports are. Building Jackson's ObjectMapper was half of the CPU time of
 * a {@code scan --format json} that found nothing, and its number classes run BigDecimal's static
 * initialiser (5^65536 computed with BigInteger arithmetic). Anything else goes to Jackson.
 */
public final class PrettyJson {
    private static final String NL = System.lineSeparator(); // Jackson's default pretty printer's line end
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PrettyJson() {}

    public static String of(Object value) {
        StringBuilder b = new StringBuilder(256);
        return write(value, b, 0) ? b.toString() : Json.pretty(value);
    }

    /**
     * Appends the value as Jackson's DefaultPrettyPrinter lays it out: object entries one per line,
     * indented two spaces a level, {@code "key" : value}; arrays on the line of their parent,
     * {@code [ a, b ]}; empty ones {@code { }} and {@code [ ]}. False when the tree is not plain.
     */
    private static boolean write(Object v, StringBuilder b, int depth) {
        if (v == null) b.append("null");
        else if (v instanceof String s) string(s, b);
        else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte || v instanceof Boolean) b.append(v);
        else if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                b.append("{ }");
                return true;
            }
            b.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String key)) return false;
                if (!first) b.append(',');
                first = false;
                b.append(NL).repeat(' ', 2 * (depth + 1));
                string(key, b);
                b.append(" : ");
                if (!write(e.getValue(), b, depth + 1)) return false;
            }
            b.append(NL).repeat(' ', 2 * depth).append('}');
        } else if (v instanceof List<?> l) {
            if (l.isEmpty()) {
                b.append("[ ]");
                return true;
            }
            b.append("[ ");
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) b.append(", ");
                if (!write(l.get(i), b, depth)) return false;
            }
            b.append(" ]");
        } else return false;
        return true;
    }

    /** Jackson's escapes: quote, backslash, \b \t \n \f \r, \\u00XX for other control characters; the rest as is. */
    private static void string(String s, StringBuilder b) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\b' -> b.append("\\b");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\f' -> b.append("\\f");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20) b.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    else b.append(c);
                }
            }
        }
        b.append('"');
    }
}
