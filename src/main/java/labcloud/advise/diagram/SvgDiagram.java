package labcloud.advise.diagram;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import labcloud.advise.tree.AdviceTree;

/**
 * The tree as a standalone SVG: questions (with their test) and leaves as boxes, top to bottom by
 * {@link TreeLayout}; an edge between neighbouring ranks is a straight arrow, a longer one runs
 * down its own lane on the left (and, to a box further right, along the gap above that box's rank).
 * The path of an answer is drawn in orange. Colours are attributes, not CSS, so the picture is the
 * same inline in the dashboard (whose CSP allows no inline styles).
 */
public final class SvgDiagram {
    private static final int W = 250;
    private static final int QH = 64;
    private static final int LH = 44;
    private static final int GAP = 36;
    private static final int RANK = 96;
    private static final int MARGIN = 16;
    private static final int LANE = 12;
    private static final String PATH = MermaidDiagram.PATH_COLOR;

    private SvgDiagram() {}

    public static String render(AdviceTree tree, List<String> path) {
        TreeLayout layout = new TreeLayout(tree);
        List<TreeLayout.Edge> longEdges = new ArrayList<>();
        for (TreeLayout.Edge e : layout.edges()) {
            if (rank(layout, e.to()) - rank(layout, e.from()) > 1) longEdges.add(e);
        }
        int left = MARGIN + (longEdges.size() + 1) * LANE;
        int width = left + layout.columns() * (W + GAP) + MARGIN;
        int height = MARGIN * 2 + layout.ranks() * RANK;
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"advice-tree\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"12\" role=\"img\">\n");
        sb.append("<title>").append(esc(tree.title())).append("</title>\n");
        sb.append("<defs>").append(marker("arrow", "#888888")).append(marker("arrow-path", PATH)).append("</defs>\n");
        // Edges first, so that boxes sit on top of them.
        for (TreeLayout.Edge e : layout.edges()) {
            boolean on = TreeLayout.onPath(e, path);
            String color = on ? PATH : "#888888";
            String width2 = on ? "3" : "1.2";
            TreeLayout.Node a = layout.nodes().get(e.from());
            TreeLayout.Node b = layout.nodes().get(e.to());
            String d;
            double lx;
            double ly;
            int lane = longEdges.indexOf(e);
            if (lane < 0) {
                double x1 = cx(left, a);
                double y1 = y(a) + h(a);
                double x2 = cx(left, b);
                double y2 = y(b);
                d = "M" + n(x1) + " " + n(y1) + " L" + n(x2) + " " + n(y2);
                lx = x1 + (x2 - x1) * 0.3 + 4;
                ly = y1 + (y2 - y1) * 0.3 + 4;
            } else {
                double laneX = MARGIN + (lane + 1) * LANE;
                double y1 = y(a) + h(a) / 2.0;
                double y2 = y(b) + h(b) / 2.0;
                if (b.column() == 0) {
                    d = "M" + n(x(left, a)) + " " + n(y1) + " L" + n(laneX) + " " + n(y1) + " L" + n(laneX) + " " + n(y2) + " L"
                            + n(x(left, b)) + " " + n(y2);
                } else {
                    // Into a box further right: along the gap above its rank, then down into its top.
                    double gapY = y(b) - 12;
                    d = "M" + n(x(left, a)) + " " + n(y1) + " L" + n(laneX) + " " + n(y1) + " L" + n(laneX) + " " + n(gapY) + " L"
                            + n(cx(left, b)) + " " + n(gapY) + " L" + n(cx(left, b)) + " " + n(y(b));
                }
                lx = x(left, a) - 22;
                ly = y1 - 4;
            }
            sb.append("<g class=\"edge").append(on ? " on-path" : "").append("\" id=\"edge-").append(e.from()).append("--").append(e.to())
                    .append("\"><path d=\"").append(d).append("\" fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"")
                    .append(width2).append("\" marker-end=\"url(#").append(on ? "arrow-path" : "arrow").append(")\"/>")
                    .append("<text x=\"").append(n(lx)).append("\" y=\"").append(n(ly)).append("\" fill=\"").append(color)
                    .append("\" font-size=\"11\">").append(e.answer() ? "yes" : "no").append("</text></g>\n");
        }
        for (TreeLayout.Node node : layout.nodes().values()) {
            boolean on = path.contains(node.id());
            double x = x(left, node);
            double y = y(node);
            sb.append("<g class=\"node").append(node.leaf() ? " leaf" : " question").append(on ? " on-path" : "").append("\" id=\"node-")
                    .append(node.id()).append("\">");
            sb.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(W).append("\" height=\"")
                    .append(h(node)).append("\" rx=\"").append(node.leaf() ? 20 : 4).append("\" fill=\"")
                    .append(on ? "#fde9d9" : node.leaf() ? "#eef5ee" : "#f4f6fa").append("\" stroke=\"").append(on ? PATH : "#5f6b7a")
                    .append("\" stroke-width=\"").append(on ? 3 : 1).append("\"/>");
            if (node.leaf()) {
                text(sb, x + W / 2.0, y + 27, tree.leaves().get(node.id()).title(), true, 13);
            } else {
                AdviceTree.Question q = tree.questions().get(node.id());
                List<String> lines = wrap(q.ask(), 38);
                double ty = y + 18;
                for (String l : lines.subList(0, Math.min(2, lines.size()))) {
                    text(sb, x + W / 2.0, ty, l, false, 12);
                    ty += 15;
                }
                sb.append("<text x=\"").append(n(x + W / 2.0)).append("\" y=\"").append(n(y + QH - 9))
                        .append("\" text-anchor=\"middle\" font-family=\"monospace\" font-size=\"10\" fill=\"#44505c\">")
                        .append(esc(shorten(q.testText(), 40))).append("</text>");
            }
            sb.append("</g>\n");
        }
        sb.append("</svg>\n");
        return sb.toString();
    }

    private static String marker(String id, String color) {
        return "<marker id=\"" + id + "\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\">"
                + "<path d=\"M0 0 L10 5 L0 10 z\" fill=\"" + color + "\"/></marker>";
    }

    private static void text(StringBuilder sb, double x, double y, String s, boolean bold, int size) {
        sb.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"middle\" font-size=\"").append(size)
                .append('"').append(bold ? " font-weight=\"bold\"" : "").append(" fill=\"#1d2733\">").append(esc(s)).append("</text>");
    }

    static List<String> wrap(String s, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String w : s.split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + w.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(w);
        }
        if (line.length() > 0) lines.add(line.toString());
        if (lines.size() > 2) lines.set(1, shorten(lines.get(1) + " " + lines.get(2), width));
        return lines;
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }

    private static int rank(TreeLayout layout, String id) {
        return layout.nodes().get(id).rank();
    }

    private static double x(int left, TreeLayout.Node n) {
        return left + n.column() * (W + GAP);
    }

    private static double cx(int left, TreeLayout.Node n) {
        return x(left, n) + W / 2.0;
    }

    private static double y(TreeLayout.Node n) {
        return MARGIN + n.rank() * RANK + (n.leaf() ? (QH - LH) / 2.0 : 0);
    }

    private static int h(TreeLayout.Node n) {
        return n.leaf() ? LH : QH;
    }

    private static String n(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    /** XML text and attribute escaping. */
    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
