package labcloud.web.page;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * A small HTML writer that escapes every value it is given. Markup only enters through
 * {@link #raw}, which pages call with constant strings; tag values, names and messages (user
 * input, as far as the dashboard is concerned) always go through {@link #text} or {@link #attr}.
 */
public final class Html {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private final StringBuilder sb = new StringBuilder(8192);

    public static String escape(String s) {
        if (s == null) return "";
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (rep != null) {
                if (out == null) out = new StringBuilder(s.length() + 16).append(s, 0, i);
                out.append(rep);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    /** Constant markup written by the page code itself; never pass data here. */
    public Html raw(String markup) {
        sb.append(markup);
        return this;
    }

    public Html text(Object value) {
        sb.append(escape(value == null ? "" : String.valueOf(value)));
        return this;
    }

    /** {@code name="value"} with a leading space, the value escaped. */
    public Html attr(String name, Object value) {
        sb.append(' ').append(name).append("=\"").append(escape(value == null ? "" : String.valueOf(value))).append('"');
        return this;
    }

    public Html cell(Object value) {
        return raw("<td>").text(value).raw("</td>");
    }

    public Html numberCell(String value) {
        return raw("<td class=\"num\">").text(value).raw("</td>");
    }

    public Html link(String href, Object label) {
        return raw("<a").attr("href", href).raw(">").text(label).raw("</a>");
    }

    public static String money(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "$%,.2f", v);
    }

    public static String time(Instant t) {
        return t == null ? "" : MINUTE.format(t);
    }

    public static String bytes(Double b) {
        if (b == null) return "n/a";
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
        double v = b;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? String.format(Locale.ROOT, "%.0f B", v) : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    public static String number(Double v, String suffix) {
        if (v == null) return "n/a";
        return (v == Math.rint(v) ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%,.1f", v)) + suffix;
    }

    /** A query string from the given parameters, skipping empty ones, each part URL-encoded. */
    public static String query(Map<String, String> params) {
        StringBuilder q = new StringBuilder();
        params.forEach((k, v) -> {
            if (v == null || v.isBlank()) return;
            q.append(q.isEmpty() ? '?' : '&').append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return q.toString();
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
