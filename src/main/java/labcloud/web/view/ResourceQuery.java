package labcloud.web.view;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import labcloud.inventory.Resource;

/**
 * Filter, sort and page over resources, read from URL query parameters so that a view can be
 * shared as a link: {@code type region state owner project q sort dir limit offset}.
 */
public record ResourceQuery(String type, String region, String state, String owner, String project, String text,
                            String sort, boolean descending, int limit, int offset) {
    public static final int DEFAULT_LIMIT = 200;
    public static final int MAX_LIMIT = 5000;
    public static final Set<String> PARAMS = Set.of("type", "region", "state", "owner", "project", "q", "sort", "dir",
            "limit", "offset", "token");

    /** Sortable columns; missing values sort last. */
    static final Map<String, Function<Resource, Comparable<?>>> SORT_KEYS = new LinkedHashMap<>();

    static {
        SORT_KEYS.put("type", Resource::type);
        SORT_KEYS.put("id", Resource::id);
        SORT_KEYS.put("region", Resource::region);
        SORT_KEYS.put("name", Resource::name);
        SORT_KEYS.put("state", Resource::state);
        SORT_KEYS.put("created", Resource::createdAt);
        SORT_KEYS.put("cost", Resource::monthlyCost);
        SORT_KEYS.put("owner", r -> Breakdown.tag(r, "Owner"));
        SORT_KEYS.put("project", r -> Breakdown.tag(r, "Project"));
        SORT_KEYS.put("instanceType", r -> Details.text(r.details(), "instanceType"));
    }

    public static ResourceQuery from(Map<String, List<String>> params) {
        for (String name : params.keySet()) {
            if (!PARAMS.contains(name)) throw new BadQueryException("unknown query parameter '" + name + "' (use one of "
                    + String.join(", ", PARAMS.stream().filter(p -> !p.equals("token")).sorted().toList()) + ")");
        }
        String sort = one(params, "sort");
        if (sort != null && !SORT_KEYS.containsKey(sort)) {
            throw new BadQueryException("cannot sort by '" + sort + "' (use one of " + String.join(", ", SORT_KEYS.keySet()) + ")");
        }
        String dir = one(params, "dir");
        if (dir != null && !dir.equals("asc") && !dir.equals("desc")) {
            throw new BadQueryException("dir must be asc or desc, not '" + dir + "'");
        }
        return new ResourceQuery(one(params, "type"), one(params, "region"), one(params, "state"), one(params, "owner"),
                one(params, "project"), one(params, "q"), sort, "desc".equals(dir),
                integer(params, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT), integer(params, "offset", 0, 0, Integer.MAX_VALUE));
    }

    public ResourceQuery withType(String t) {
        return new ResourceQuery(t, region, state, owner, project, text, sort, descending, limit, offset);
    }

    /** The matching resources, sorted (all of them; {@link Page} cuts the page). */
    public List<Resource> filter(List<Resource> resources) {
        Stream<Resource> s = resources.stream()
                .filter(r -> type == null || type.equals(r.type()))
                .filter(r -> region == null || region.equals(r.region()))
                .filter(r -> state == null || state.equals(r.state()))
                .filter(r -> owner == null || owner.equals(Breakdown.blankToNone(Breakdown.tag(r, "Owner"))))
                .filter(r -> project == null || project.equals(Breakdown.blankToNone(Breakdown.tag(r, "Project"))))
                .filter(r -> text == null || matchesText(r, text.toLowerCase(Locale.ROOT)));
        if (sort != null) s = s.sorted(comparator());
        return s.toList();
    }

    public Page page(List<Resource> resources) {
        List<Resource> all = filter(resources);
        int from = Math.min(offset, all.size());
        int to = Math.min(all.size(), from + limit);
        return new Page(all.size(), offset, limit, all.subList(from, to));
    }

    /** One page of matches and how many there are in all. */
    public record Page(int total, int offset, int limit, List<Resource> resources) {}

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Comparator<Resource> comparator() {
        Function<Resource, Comparable> key = (Function) SORT_KEYS.get(sort);
        Comparator<Comparable> values = descending ? Comparator.<Comparable>naturalOrder().reversed() : Comparator.naturalOrder();
        return Comparator.comparing(key, Comparator.nullsLast(values)).thenComparing(Resource::id);
    }

    private static boolean matchesText(Resource r, String needle) {
        if (contains(r.id(), needle) || contains(r.name(), needle)) return true;
        if (r.tags() == null) return false;
        for (var e : r.tags().entrySet()) {
            if (contains(e.getKey(), needle) || contains(e.getValue(), needle)) return true;
        }
        return false;
    }

    private static boolean contains(String s, String needle) {
        return s != null && s.toLowerCase(Locale.ROOT).contains(needle);
    }

    private static String one(Map<String, List<String>> params, String name) {
        List<String> v = params.get(name);
        if (v == null || v.isEmpty()) return null;
        String s = v.get(0);
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static int integer(Map<String, List<String>> params, String name, int dflt, int min, int max) {
        String v = one(params, name);
        if (v == null) return dflt;
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) throw new BadQueryException(name + " must be between " + min + " and " + max + ", not " + n);
            return n;
        } catch (NumberFormatException e) {
            throw new BadQueryException(name + " must be a whole number, not '" + v + "'");
        }
    }
}
