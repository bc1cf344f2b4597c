package labcloud.cli.output;

import java.util.List;

/**
 * Renders a {@link Table} as aligned text that fits the terminal width: when the natural width is
 * too wide, the widest shrinkable columns are truncated with an ellipsis first.
 */
public final class TableRenderer {
    private static final String GAP = "  ";

    private TableRenderer() {}

    public static String render(Table t, int width) {
        List<Table.Column> cols = t.columns();
        int n = cols.size();
        int[] w = new int[n];
        for (int i = 0; i < n; i++) w[i] = len(cols.get(i).name());
        for (Table.Row r : t.rows()) {
            if (r.heading() != null) continue;
            for (int i = 0; i < n; i++) w[i] = Math.max(w[i], len(r.cells().get(i)));
        }
        fit(cols, w, width);
        StringBuilder sb = new StringBuilder();
        line(sb, cols, w, cols.stream().map(Table.Column::name).toList());
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < n; i++) rule.append(i == 0 ? "" : GAP).append("-".repeat(w[i]));
        sb.append(rule).append('\n');
        for (Table.Row r : t.rows()) {
            if (r.heading() != null) {
                sb.append(r.heading()).append('\n');
                continue;
            }
            if (r.total()) sb.append(rule).append('\n');
            line(sb, cols, w, r.cells());
        }
        return sb.toString();
    }

    private static void fit(List<Table.Column> cols, int[] w, int width) {
        int total = 0;
        for (int x : w) total += x;
        total += GAP.length() * (w.length - 1);
        while (total > width) {
            int widest = -1;
            for (int i = 0; i < w.length; i++) {
                if (cols.get(i).shrinkable() && w[i] > 8 && (widest < 0 || w[i] > w[widest])) widest = i;
            }
            if (widest < 0) return; // nothing left to shrink: let the terminal wrap
            w[widest]--;
            total--;
        }
    }

    private static void line(StringBuilder sb, List<Table.Column> cols, int[] w, List<String> cells) {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < cols.size(); i++) {
            if (i > 0) l.append(GAP);
            String c = truncate(cells.get(i), w[i]);
            int pad = w[i] - len(c);
            if (cols.get(i).align() == Table.Align.RIGHT) l.append(" ".repeat(pad)).append(c);
            else l.append(c).append(i == cols.size() - 1 ? "" : " ".repeat(pad));
        }
        sb.append(l.toString().stripTrailing()).append('\n');
    }

    private static String truncate(String s, int width) {
        if (len(s) <= width) return s;
        return s.substring(0, s.offsetByCodePoints(0, Math.max(0, width - 1))) + "…";
    }

    private static int len(String s) {
        return s.codePointCount(0, s.length());
    }
}
