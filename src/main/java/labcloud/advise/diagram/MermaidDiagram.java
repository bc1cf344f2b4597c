package labcloud.advise.diagram;

import java.util.ArrayList;
import java.util.List;
import labcloud.advise.tree.AdviceTree;

/**
 * The tree as a Mermaid flowchart: questions as diamonds (the question and its test), leaves as
 * rounded boxes, yes/no edges, and the path of an answer drawn in orange. Node ids are prefixed
 * ({@code n_}) so that no tree name collides with Mermaid's keywords (end, graph, ...).
 */
public final class MermaidDiagram {
    static final String PATH_COLOR = "#d9480f";

    private MermaidDiagram() {}

    public static String render(AdviceTree tree, List<String> path) {
        TreeLayout layout = new TreeLayout(tree);
        StringBuilder sb = new StringBuilder("flowchart TD\n");
        for (TreeLayout.Node n : layout.nodes().values()) {
            if (n.leaf()) {
                sb.append("  ").append(id(n.id())).append("([\"").append(label(tree.leaves().get(n.id()).title())).append("\"])\n");
            } else {
                AdviceTree.Question q = tree.questions().get(n.id());
                sb.append("  ").append(id(n.id())).append("{\"").append(label(q.ask())).append("<br/>")
                        .append(label(q.testText())).append("\"}\n");
            }
        }
        List<Integer> onPath = new ArrayList<>();
        int i = 0;
        for (TreeLayout.Edge e : layout.edges()) {
            sb.append("  ").append(id(e.from())).append(" -->|").append(e.answer() ? "yes" : "no").append("| ").append(id(e.to())).append('\n');
            if (TreeLayout.onPath(e, path)) onPath.add(i);
            i++;
        }
        if (!path.isEmpty()) {
            sb.append("  classDef onpath fill:#fde9d9,stroke:").append(PATH_COLOR).append(",stroke-width:3px\n");
            sb.append("  class ").append(String.join(",", path.stream().map(MermaidDiagram::id).toList())).append(" onpath\n");
            if (!onPath.isEmpty()) {
                sb.append("  linkStyle ").append(String.join(",", onPath.stream().map(String::valueOf).toList()))
                        .append(" stroke:").append(PATH_COLOR).append(",stroke-width:3px\n");
            }
        }
        return sb.toString();
    }

    static String id(String treeId) {
        return "n_" + treeId.replace('-', '_');
    }

    /** Text inside a quoted label: Mermaid's entity codes for what would end or confuse it. */
    static String label(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("#quot;");
                case '#' -> out.append("#35;");
                case '<' -> out.append("#lt;");
                case '>' -> out.append("#gt;");
                case '&' -> out.append("#amp;");
                case '\n', '\r' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
