package labcloud.inventory;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Tag lists of the various SDK models as one sorted map. */
final class Tags {
    private Tags() {}

    static <T> Map<String, String> of(Collection<T> tags, Function<T, String> key, Function<T, String> value) {
        Map<String, String> m = new TreeMap<>();
        if (tags != null) for (T t : tags) m.put(key.apply(t), value.apply(t) == null ? "" : value.apply(t));
        return m;
    }

    static String name(Map<String, String> tags) {
        String n = tags.get("Name");
        return n == null || n.isBlank() ? null : n;
    }
}
