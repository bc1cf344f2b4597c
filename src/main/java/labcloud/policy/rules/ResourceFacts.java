package labcloud.policy.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import labcloud.inventory.Resource;

/** Reads a resource's type-specific details tolerantly (JSON round trips turn Instants into strings). */
public final class ResourceFacts {
    private ResourceFacts() {}

    public static Object get(Resource r, String key) {
        Map<String, Object> d = r.details();
        return d == null ? null : d.get(key);
    }

    public static String text(Resource r, String key) {
        Object v = get(r, key);
        return v == null ? null : v.toString();
    }

    public static Boolean bool(Resource r, String key) {
        Object v = get(r, key);
        if (v instanceof Boolean b) return b;
        if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) return Boolean.parseBoolean(s);
        return null;
    }

    public static Double number(Resource r, String key) {
        Object v = get(r, key);
        if (v instanceof Number n) return n.doubleValue();
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    public static Instant instant(Resource r, String key) {
        return toInstant(get(r, key));
    }

    public static Instant toInstant(Object v) {
        if (v instanceof Instant i) return i;
        if (v instanceof java.util.Date d) return d.toInstant();
        if (v instanceof Number n) return Instant.ofEpochMilli(n.longValue());
        if (v instanceof String s && !s.isBlank()) {
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    /** When the resource came to be: createdAt, else launchTime/createDate from its details. */
    public static Instant created(Resource r) {
        if (r.createdAt() != null) return r.createdAt();
        Instant t = instant(r, "createdAt");
        return t != null ? t : instant(r, "launchTime");
    }

    /** Whole days from {@code since} to {@code asOf} (0 when unknown or in the future). */
    public static long days(Instant since, Instant asOf) {
        if (since == null || asOf.isBefore(since)) return 0;
        return Duration.between(since, asOf).toDays();
    }

    public static String tag(Resource r, String key) {
        return r.tags() == null ? null : r.tags().get(key);
    }
}
