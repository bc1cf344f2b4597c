package labcloud.advise.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Walks a tree from its start question to a leaf, recording each answer and its reason. */
public final class TreeWalk {
    /** One question on the path: the answer the facts gave and the reason, placeholders filled. */
    public record Step(String question, String ask, String test, boolean answer, String reason, String next) {}

    public record Result(List<Step> steps, AdviceTree.Leaf leaf) {
        /** The ids of the questions and the leaf on the path, in order. */
        public List<String> nodes() {
            List<String> ids = new ArrayList<>();
            steps.forEach(s -> ids.add(s.question()));
            ids.add(leaf.id());
            return ids;
        }
    }

    private TreeWalk() {}

    /**
     * @param values    facts and settings by name (Double, Boolean, String)
     * @param formatted the same, as people read them, for the reasons
     */
    public static Result walk(AdviceTree tree, Function<String, Object> values, Function<String, String> formatted) {
        List<Step> steps = new ArrayList<>();
        String at = tree.start();
        // The loader rejects loops, so this ends within one visit per question.
        while (!tree.isLeaf(at)) {
            AdviceTree.Question q = tree.questions().get(at);
            boolean answer = (Boolean) q.test().eval(values);
            AdviceTree.Branch b = answer ? q.then() : q.otherwise();
            String reason = b.say() != null ? TreeLoader.fill(b.say(), formatted) : q.testText() + (answer ? " (yes)" : " (no)");
            steps.add(new Step(q.id(), q.ask(), q.testText(), answer, reason, b.next()));
            at = b.next();
        }
        return new Result(List.copyOf(steps), tree.leaves().get(at));
    }
}
