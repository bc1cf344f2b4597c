package labcloud.architecture;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * labcloud's layers (DESIGN.md): shells (cli, web) -> app (use cases) -> capabilities -> aws, store
 * -> core. A module may use modules of its own rank or below, never above; no two modules, and no
 * two packages, may use each other, directly or round a loop; the shells never name anything in
 * labcloud.aws: they reach the account through app (LabAccount, Lab).
 */
final class Layers {
    /** Higher uses lower. Capabilities are ranked among themselves by what they build on. */
    static final Map<String, Integer> RANK = Map.ofEntries(
            Map.entry("labcloud.core", 0),
            Map.entry("labcloud.aws", 1), Map.entry("labcloud.store", 1), Map.entry("labcloud.iam", 1),
            Map.entry("labcloud.git", 1),
            Map.entry("labcloud.pricing", 2), Map.entry("labcloud.creds", 2), Map.entry("labcloud.scan", 2),
            Map.entry("labcloud.demo", 2),
            Map.entry("labcloud.inventory", 3), Map.entry("labcloud.transfer", 3),
            Map.entry("labcloud.trail", 4),
            Map.entry("labcloud.policy", 5),
            Map.entry("labcloud.machine", 6), Map.entry("labcloud.cost", 6), Map.entry("labcloud.advise", 6),
            Map.entry("labcloud.app", 7),
            Map.entry("labcloud.web", 8),
            Map.entry("labcloud.cli", 9));

    /** A capability not in the table yet (machine, cost, advise, ...): above the others, below app. */
    static final int NEW_CAPABILITY = 6;

    private Layers() {}

    static int rank(String module) {
        return RANK.getOrDefault(module, NEW_CAPABILITY);
    }

    /** One line per arrow from a lower module up to a higher one, naming the classes. */
    static List<String> upwardArrows(PackageGraph g) {
        List<String> out = new ArrayList<>();
        for (PackageGraph.Edge e : g.edges()) {
            if (rank(e.toModule()) > rank(e.fromModule())) {
                out.add(e.fromClass() + " -> " + e.toClass() + " (" + e.fromModule() + " is below " + e.toModule() + ")");
            }
        }
        return out;
    }

    /** Shell classes that use anything in labcloud.aws. */
    static List<String> shellsIntoAws(PackageGraph g) {
        List<String> out = new ArrayList<>();
        for (PackageGraph.Edge e : g.edges()) {
            boolean shell = e.fromModule().equals("labcloud.cli") || e.fromModule().equals("labcloud.web");
            if (!shell || !e.toModule().equals("labcloud.aws")) continue;
            out.add(e.fromClass() + " -> " + e.toClass());
        }
        return out;
    }

    /**
     * Cycles in a graph of arrows (modules' or packages'), each as "a -> b -> a": at least one per
     * loop, so none means the graph has no loop at all.
     */
    static List<String> cycles(Map<String, Set<String>> arrows) {
        List<String> out = new ArrayList<>();
        Map<String, Integer> state = new HashMap<>(); // 1 on the path, 2 done
        for (String m : arrows.keySet()) visit(m, arrows, state, new ArrayList<>(), out);
        return out;
    }

    private static void visit(String m, Map<String, Set<String>> arrows, Map<String, Integer> state, List<String> path,
                              List<String> out) {
        Integer s = state.get(m);
        if (s != null && s == 2) return;
        if (s != null && s == 1) {
            List<String> loop = new ArrayList<>(path.subList(path.indexOf(m), path.size()));
            loop.add(m);
            out.add(String.join(" -> ", loop));
            return;
        }
        state.put(m, 1);
        path.add(m);
        for (String next : arrows.getOrDefault(m, Set.of())) visit(next, arrows, state, path, out);
        path.remove(path.size() - 1);
        state.put(m, 2);
    }
}
