package labcloud.advise.tree;

import java.util.Map;

/**
 * The lab's decision tree, as data: questions (a test with a branch for each answer) leading to
 * leaves (where to run the job). Loaded from the bundled {@code advise/advice.yaml} or the lab's
 * own {@code ~/.labcloud/advice.yaml} by {@link TreeLoader}; walked by {@link TreeWalk}.
 *
 * @param settings named constants the tests use (e.g. the lab's 100 GB egress rule)
 * @param defaults input values used when the user gives none; inputs without one are required
 */
public record AdviceTree(String source, String title, String start, Map<String, Question> questions, Map<String, Leaf> leaves,
                         Map<String, Setting> settings, Map<String, Object> defaults) {

    public record Question(String id, String ask, String testText, Expr test, Branch then, Branch otherwise) {}

    /** Where an answer leads and why ("needs {ram} > your laptop's {laptopRam} -> not the laptop"). */
    public record Branch(String next, String say) {}

    /** Where to run: a kind that decides what labcloud prices for it, a title and why. */
    public record Leaf(String id, Kind kind, String title, String say, String market, String setupType) {}

    public enum Kind {
        LAPTOP("laptop"), LAB_SERVER("lab-server"), EC2("ec2"), EC2_SHORT("ec2-short"), STORAGE("storage");

        public final String id;

        Kind(String id) {
            this.id = id;
        }

        public boolean cloudCompute() {
            return this == EC2 || this == EC2_SHORT;
        }
    }

    public record Setting(String name, Fact kind, Object value) {}

    public boolean isLeaf(String id) {
        return leaves.containsKey(id);
    }
}
