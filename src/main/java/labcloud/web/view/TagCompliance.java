package labcloud.web.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import labcloud.inventory.Resource;
import labcloud.web.DashboardData;

/** The Tags page: how many taggable resources carry every required tag, per type and per owner, and what the rest miss. */
public record TagCompliance(List<String> required, List<Group> byType, List<Group> byOwner, List<Missing> nonCompliant) {
    /** The lab's rule: every resource carries these tags (DESIGN.md). */
    public static final List<String> REQUIRED = List.of("Email", "Owner", "Project", "Task");
    /** IAM users and keys are people and credentials, not lab resources; they are not held to the tagging rule. */
    static final Set<String> UNTAGGED_TYPES = Set.of(Resource.IAM_USER, Resource.IAM_ACCESS_KEY);

    public record Group(String name, int total, int compliant, double percent) {}

    public record Missing(String type, String id, String region, String name, String owner, List<String> missing) {}

    public static TagCompliance of(DashboardData d) {
        Map<String, int[]> types = new LinkedHashMap<>();
        Map<String, int[]> owners = new LinkedHashMap<>();
        List<Missing> missing = new ArrayList<>();
        for (Resource r : d.resources()) {
            if (UNTAGGED_TYPES.contains(r.type())) continue;
            List<String> lacks = REQUIRED.stream().filter(k -> {
                String v = Breakdown.tag(r, k);
                return v == null || v.isBlank();
            }).toList();
            String owner = Breakdown.blankToNone(Breakdown.tag(r, "Owner"));
            count(types, r.type(), lacks.isEmpty());
            count(owners, owner, lacks.isEmpty());
            if (!lacks.isEmpty()) missing.add(new Missing(r.type(), r.id(), r.region(), r.name(), owner, lacks));
        }
        missing.sort(Comparator.comparing(Missing::owner).thenComparing(Missing::type).thenComparing(Missing::id));
        return new TagCompliance(REQUIRED, groups(types), groups(owners), missing);
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
