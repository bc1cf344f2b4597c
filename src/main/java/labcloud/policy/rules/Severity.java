package labcloud.policy.rules;

import java.util.Locale;

/** How urgent a finding is; --fail-on compares against this order. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    /** Null for anything that is not a severity name. */
    public static Severity parse(String s) {
        if (s == null) return null;
        for (Severity v : values()) {
            if (v.label().equals(s.trim().toLowerCase(Locale.ROOT))) return v;
        }
        return null;
    }
}
