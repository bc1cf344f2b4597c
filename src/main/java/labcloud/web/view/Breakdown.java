package labcloud.web.view;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import labcloud.inventory.Resource;

/** Sums of estimated monthly cost grouped by a key, largest first (unpriced resources count as 0). */
public final class Breakdown {
    public static final String NONE = "(none)";

    private Breakdown() {}

    public static Map<String, Double> costBy(List<Resource> resources, Function<Resource, String> key) {
        Map<String, Double> sums = resources.stream().collect(Collectors.groupingBy(
                r -> blankToNone(key.apply(r)), Collectors.summingDouble(r -> r.monthlyCost() == null ? 0 : r.monthlyCost())));
        return sortedDescending(sums);
    }

    public static <T> Map<String, Integer> countBy(List<T> items, Function<T, String> key) {
        Map<String, Integer> counts = items.stream().collect(Collectors.groupingBy(
                i -> blankToNone(key.apply(i)), Collectors.summingInt(i -> 1)));
        return sortedDescending(counts);
    }

    public static String tag(Resource r, String key) {
        return r.tags() == null ? null : r.tags().get(key);
    }

    /** The tag's value, or {@link #NONE} when it is missing or blank (how filters name "no Owner"). */
    public static String blankToNoneTag(Resource r, String key) {
        return blankToNone(tag(r, key));
    }

    public static String blankToNone(String s) {
        return s == null || s.isBlank() ? NONE : s;
    }

    private static <V extends Comparable<V>> Map<String, V> sortedDescending(Map<String, V> m) {
        Map<String, V> out = new LinkedHashMap<>();
        m.entrySet().stream()
                .sorted(Map.Entry.<String, V>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
