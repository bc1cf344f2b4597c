package labcloud.web.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import labcloud.inventory.Resource;

/**
 * The Tags page: how many resources carry the policy's required tags, per type and per owner, and
 * what the others miss. A resource is compliant when it has every required tag and the audit's
 * required-tags rule found nothing wrong with the values (e.g. an Email that is no address).
 */
public record TagCompliance(List<String> required, List<Group> byType, List<Group> byOwner, List<Missing> nonCompliant) {
    /** The audit rule whose findings say what is wrong with the tag values. */
    public static final String RULE = "required-tags";

    public record Group(String name, int total, int compliant, double percent) {}

    /** @param problem the audit's message when it found the values wrong, else null */
    public record Missing(String type, String id, String region, String name, String owner, List<String> missing, String problem) {}

    public static TagCompliance of(DashboardData d) {
        List<String> required = d.rules().requiredTags();
        Map<String, String> problems = new HashMap<>();
        for (DashboardData.Finding f : d.findings()) {
            if (RULE.equals(f.rule())) problems.put(f.resourceId(), f.message());
        }
        Map<String, int[]> types = new LinkedHashMap<>();
        Map<String, int[]> owners = new LinkedHashMap<>();
        List<Missing> missing = new ArrayList<>();
        for (Resource r : d.resources()) {
            if (!d.rules().taggedTypes().contains(r.type())) continue;
            List<String> lacks = required.stream().filter(k -> {
                String v = Breakdown.tag(r, k);
                return v == null || v.isBlank();
            }).toList();
            String problem = problems.get(r.id());
            boolean ok = lacks.isEmpty() && problem == null;
            String owner = Breakdown.blankToNone(Breakdown.tag(r, "Owner"));
            count(types, r.type(), ok);
            count(owners, owner, ok);
            if (!ok) missing.add(new Missing(r.type(), r.id(), r.region(), r.name(), owner, lacks, problem));
        }
        missing.sort(Comparator.comparing(Missing::owner).thenComparing(Missing::type).thenComparing(Missing::id));
        return new TagCompliance(required, groups(types), groups(owners), missing);
    }

    private static void count(Map<String, int[]> m, String key, boolean ok) {
        int[] c = m.computeIfAbsent(key, k -> new int[2]);
        c[0]++;
        if (ok) c[1]++;
    }

    private static List<Group> groups(Map<String, int[]> m) {
        return m.entrySet().stream()
                .map(e -> new Group(e.getKey(), e.getValue()[0], e.getValue()[1],
                        Math.round(1000.0 * e.getValue()[1] / e.getValue()[0]) / 10.0))
                .sorted(Comparator.comparingDouble(Group::percent).thenComparing(Group::name))
                .toList();
    }
}
