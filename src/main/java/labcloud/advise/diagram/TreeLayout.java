package labcloud.advise.diagram;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import labcloud.advise.tree.AdviceTree;

/**
 * Positions of a tree's nodes for drawing, top to bottom: each node's rank is its longest distance
 * from the start (so every edge points down), and nodes of a rank sit side by side, questions
 * first, in the order a walk first meets them ("then" before "else"). Edges follow that walk order.
 */
public final class TreeLayout {
    public record Node(String id, boolean leaf, int rank, int column) {}

    public record Edge(String from, String to, boolean answer) {}

    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<Edge> edges = new ArrayList<>();
    private int ranks;
    private int columns;

    public TreeLayout(AdviceTree tree) {
        List<String> order = new ArrayList<>();
        discover(tree, tree.start(), order);
        Map<String, Integer> rank = new HashMap<>();
        rank.put(tree.start(), 0);
        // Longest-path ranks: relax in discovery order until stable (a DAG of a few dozen nodes).
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String id : order) {
                AdviceTree.Question q = tree.questions().get(id);
                if (q == null || !rank.containsKey(id)) continue;
                for (String next : List.of(q.then().next(), q.otherwise().next())) {
                    int r = rank.get(id) + 1;
                    if (rank.getOrDefault(next, -1) < r) {
                        rank.put(next, r);
                        changed = true;
                    }
                }
            }
        }
        Map<Integer, Integer> used = new HashMap<>();
        // Questions first in each rank: the long edges that run down the left side start and end at column 0.
        List<String> placed = new ArrayList<>(order);
        placed.sort(java.util.Comparator.comparing(tree::isLeaf));
        for (String id : placed) {
            int r = rank.get(id);
            int col = used.merge(r, 1, Integer::sum) - 1;
            nodes.put(id, new Node(id, tree.isLeaf(id), r, col));
            ranks = Math.max(ranks, r + 1);
            columns = Math.max(columns, col + 1);
        }
        for (String id : order) {
            AdviceTree.Question q = tree.questions().get(id);
            if (q == null) continue;
            edges.add(new Edge(id, q.then().next(), true));
            edges.add(new Edge(id, q.otherwise().next(), false));
        }
    }

    private static void discover(AdviceTree tree, String id, List<String> order) {
        if (order.contains(id)) return;
        order.add(id);
        AdviceTree.Question q = tree.questions().get(id);
        if (q == null) return;
        discover(tree, q.then().next(), order);
        discover(tree, q.otherwise().next(), order);
    }

    public Map<String, Node> nodes() {
        return nodes;
    }

    public List<Edge> edges() {
        return edges;
    }

    public int ranks() {
        return ranks;
    }

    public int columns() {
        return columns;
    }

    /** The edges a path (node ids in order) takes. */
    public static boolean onPath(Edge e, List<String> path) {
        for (int i = 0; i + 1 < path.size(); i++) {
            if (path.get(i).equals(e.from()) && path.get(i + 1).equals(e.to())) return true;
        }
        return false;
    }
}
