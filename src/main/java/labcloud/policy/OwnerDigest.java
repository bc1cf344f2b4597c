package labcloud.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import labcloud.policy.rules.Finding;

/** Findings grouped per owner, each group with a short text ready to send to that person. */
public final class OwnerDigest {
    /** One person's share: their findings, the money at stake, and the message to send. */
    public record Entry(String owner, String email, int findings, double monthlyCost, List<Finding> items, String text) {}

    public static final String UNKNOWN = "(unknown owner)";

    private OwnerDigest() {}

    public static List<Entry> of(List<Finding> findings, Map<String, String> emails) {
        Map<String, List<Finding>> groups = new TreeMap<>();
        for (Finding f : findings) groups.computeIfAbsent(f.owner() == null ? UNKNOWN : f.owner(), k -> new ArrayList<>()).add(f);
        List<Entry> out = new ArrayList<>();
        groups.forEach((owner, items) -> {
            double cost = Math.round(items.stream().filter(f -> f.monthlyCost() != null).mapToDouble(Finding::monthlyCost).sum() * 100) / 100.0;
            out.add(new Entry(owner, emails.get(owner), items.size(), cost, items, text(owner, items, cost)));
        });
        return out;
    }

    /** Plain text an admin can paste into an e-mail. */
    static String text(String owner, List<Finding> items, double cost) {
        StringBuilder sb = new StringBuilder();
        sb.append(UNKNOWN.equals(owner) ? "Resources nobody claims" : "Hello " + owner)
                .append(",\n\nthe lab's AWS audit found ").append(items.size()).append(items.size() == 1 ? " item" : " items")
                .append(cost > 0 ? String.format(Locale.ROOT, " ($%.2f per month at stake)", cost) : "")
                .append(" for you to look at:\n");
        for (Finding f : items) {
            sb.append("\n- ").append(f.resourceType()).append(' ').append(f.resourceId());
            if (f.region() != null && !"global".equals(f.region())) sb.append(" (").append(f.region()).append(')');
            sb.append(": ").append(f.message()).append(" [").append(f.rule()).append(']');
            if (f.fix() != null) sb.append("\n  fix: ").append(f.fix());
        }
        sb.append("\n\nThanks!\n");
        return sb.toString();
    }
}
