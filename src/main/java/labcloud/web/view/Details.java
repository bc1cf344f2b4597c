package labcloud.web.view;

import java.util.Map;

/** Reads type-specific facts from {@code Resource.details}, which collectors fill with plain JSON values. */
final class Details {
    private Details() {}

    static String text(Map<String, Object> details, String... keys) {
        if (details == null) return null;
        for (String k : keys) {
            Object v = details.get(k);
            if (v != null && !(v instanceof Map) && !(v instanceof Iterable)) return String.valueOf(v);
            if (v instanceof Iterable<?> it && it.iterator().hasNext()) return joined(it);
        }
        return null;
    }

    static Double number(Map<String, Object> details, String... keys) {
        if (details == null) return null;
        for (String k : keys) {
            Object v = details.get(k);
            if (v instanceof Number n) return n.doubleValue();
            if (v instanceof String s) {
                try {
                    return Double.parseDouble(s.trim());
                } catch (NumberFormatException ignored) {
                    // not a number; try the next key
                }
            }
        }
        return null;
    }

    static Boolean flag(Map<String, Object> details, String... keys) {
        if (details == null) return null;
        for (String k : keys) {
            Object v = details.get(k);
            if (v instanceof Boolean b) return b;
            if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) return Boolean.parseBoolean(s);
            if (v instanceof Number n) return n.intValue() != 0;
            if (v instanceof Iterable<?> it) return it.iterator().hasNext();
        }
        return null;
    }

    private static String joined(Iterable<?> values) {
        StringBuilder sb = new StringBuilder();
        for (Object o : values) {
            if (!sb.isEmpty()) sb.append(", ");
            sb.append(o instanceof Map<?, ?> m && m.containsKey("instanceId") ? m.get("instanceId") : o);
        }
        return sb.toString();
    }
}
