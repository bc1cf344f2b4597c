package labcloud.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields of a JSON object in the order given. {@code Map.of} iterates in an order that changes
 * from one run of the JVM to the next, so output built from it printed its fields in a different
 * order each time.
 */
public final class Fields {
    private Fields() {}

    /** A map of the names and values given in turn: name, value, name, value... */
    public static Map<String, Object> of(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) throw new IllegalArgumentException("a name without a value");
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = (String) namesAndValues[i];
            if (m.put(name, namesAndValues[i + 1]) != null || m.size() * 2 != i + 2) {
                throw new IllegalArgumentException("duplicate field " + name);
            }
        }
        return m;
    }
}
