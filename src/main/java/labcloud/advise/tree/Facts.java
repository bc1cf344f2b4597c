package labcloud.advise.tree;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The facts a decision tree can test: the job's needs and the lab's machines (inputs), and what
 * follows from them (derived, e.g. hours a month and the egress cost of downloading the data).
 * Values are Double for numbers and sizes (bytes), Boolean, or String.
 */
public final class Facts {
    /**
     * One fact the tree may name: its kind, the flag that sets it (inputs only), what it means, and
     * the value used when neither the user nor the tree's defaults give one (null: required).
     */
    public record Def(String name, Fact kind, String flag, String meaning, Object fallback) {
        public boolean input() {
            return flag != null;
        }
    }

    private static final Map<String, Def> DEFS = new LinkedHashMap<>();

    private static void input(String name, Fact kind, String flag, String meaning, Object fallback) {
        DEFS.put(name, new Def(name, kind, flag, meaning, fallback));
    }

    private static void derived(String name, Fact kind, String meaning) {
        DEFS.put(name, new Def(name, kind, null, meaning, null));
    }

    static {
        input("ram", Fact.SIZE, "--ram", "memory the job needs", null);
        input("cores", Fact.NUMBER, "--cores", "CPU cores (vCPUs) the job keeps busy", null);
        input("gpu", Fact.BOOL, "--gpu", "the job needs a GPU", false);
        input("gpuMemory", Fact.SIZE, "--gpu-memory", "memory the job needs on one GPU", 0.0);
        input("hours", Fact.HOURS, "--hours", "wall-clock hours of one run", null);
        input("runsPerMonth", Fact.NUMBER, "--runs-per-month", "runs a month", 1.0);
        input("data", Fact.SIZE, "--data", "size of the input data", 0.0);
        input("dataLocation", Fact.TEXT, "--data-location", "where the data lives: local or s3", "local");
        input("results", Fact.SIZE, "--results", "size of the results of one run, to bring back", 0.0);
        input("users", Fact.NUMBER, "--users", "people who use the data", 1.0);
        input("months", Fact.NUMBER, "--months", "how long the project runs", 1.0);
        input("interruptible", Fact.BOOL, "--interruptible", "the job checkpoints and can resume after an interruption", false);
        input("laptopRam", Fact.SIZE, "--laptop-ram", "memory of your laptop", (double) (16L << 30));
        input("laptopCores", Fact.NUMBER, "--laptop-cores", "cores of your laptop", 8.0);
        input("labServerRam", Fact.SIZE, "--lab-server-ram", "memory of the lab server (0: none)", 0.0);
        input("labServerCores", Fact.NUMBER, "--lab-server-cores", "cores of the lab server", 32.0);
        input("labServerGpu", Fact.BOOL, "--lab-server-gpu", "the lab server has a GPU", false);
        input("buyPrice", Fact.MONEY, "--buy-price", "price of a workstation you could buy instead (0: not considered)", 0.0);
        derived("hoursPerMonth", Fact.HOURS, "hours x runsPerMonth");
        derived("resultsPerMonth", Fact.SIZE, "results x runsPerMonth");
        derived("dataEgressCost", Fact.MONEY, "what downloading the data once from the region costs");
        derived("resultsEgressCost", Fact.MONEY, "what bringing a month's results back costs");
    }

    private Facts() {}

    public static Map<String, Def> all() {
        return Collections.unmodifiableMap(DEFS);
    }

    public static Def get(String name) {
        return DEFS.get(name);
    }
}
