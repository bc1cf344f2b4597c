package labcloud.cli.output;

/** Renders a {@link Table} as RFC 4180 CSV: header row, data rows, total rows; no headings. */
public final class CsvRenderer {
    private CsvRenderer() {}

    public static String render(Table t) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.join(",", t.columns().stream().map(c -> quote(c.name())).toList())).append("\r\n");
        for (Table.Row r : t.rows()) {
            if (r.heading() != null) continue;
            sb.append(String.join(",", r.cells().stream().map(CsvRenderer::quote).toList())).append("\r\n");
        }
        return sb.toString();
    }

    static String quote(String s) {
        if (s == null) return "";
        // A leading =, +, - or @ would be run as a formula by spreadsheets: tag values are user input.
        String v = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !s.matches("-?[0-9.]+") ? "'" + s : s;
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
