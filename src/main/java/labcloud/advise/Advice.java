package labcloud.advise;

import java.util.List;
import java.util.Map;
import labcloud.advise.tree.TreeWalk;
import labcloud.pricing.EgressCost;

/**
 * An answer to "where should this job run?": the facts used, the path through the tree with each
 * step's reason, the leaf, and what it costs (instances, storage, egress, break-even). The JSON of
 * {@code labcloud advise --output json} and {@code /api/advice}.
 */
public record Advice(String region, String tree, Map<String, Object> facts, Map<String, String> shown, List<TreeWalk.Step> path,
                     Leaf leaf, List<Instance> instances, String setupType, List<String> commands, List<StorageOption> storage,
                     Egress egress, BreakEven breakEven, List<String> notes, Map<String, String> prices) {

    public record Leaf(String id, String kind, String title, String say) {}

    /**
     * A priced instance type. {@code hourly} is on-demand; {@code rate} is what the estimate uses
     * (the spot estimate on a spot leaf); per run = rate x hours, per month = per run x runs.
     */
    public record Instance(String type, int vcpu, double memoryGib, int gpus, double gpuMemoryGib, String gpuModel, double hourly,
                           double rate, String market, double perRun, double perMonth, double projectTotal) {}

    /**
     * Bringing results back (and the data, when it lives in S3 and the job runs at home).
     * {@code overRule}: one download is larger than the lab's rule and needs a deliberate confirmation.
     */
    public record Egress(long resultsPerMonthBytes, EgressCost results, EgressCost dataDownload, long ruleBytes, boolean overRule,
                         String note) {}

    /** Months after which buying a workstation at {@code buyPrice} costs less than renting at {@code cloudMonthly}. */
    public record BreakEven(double buyPrice, double cloudMonthly, Double months, double projectMonths, String verdict) {}

    /** The ids of the questions and the leaf on the path (for highlighting the diagram). */
    public List<String> pathNodes() {
        List<String> ids = new java.util.ArrayList<>(path.stream().map(TreeWalk.Step::question).toList());
        ids.add(leaf.id());
        return ids;
    }
}
