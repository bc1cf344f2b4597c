package labcloud.advise.tree;

import java.util.Locale;
import labcloud.core.Sizes;

/** What kind of value a fact or setting holds: decides how it is compared and printed. */
public enum Fact {
    SIZE, NUMBER, HOURS, MONEY, BOOL, TEXT;

    public boolean numeric() {
        return this == SIZE || this == NUMBER || this == HOURS || this == MONEY;
    }

    /** The value as people read it: "64 GiB", "16", "40 h", "$175.50", "yes", "s3". */
    public String format(Object v) {
        if (v == null) return "n/a";
        return switch (this) {
            case SIZE -> Sizes.format(((Number) v).longValue());
            case NUMBER -> plain(((Number) v).doubleValue());
            case HOURS -> plain(((Number) v).doubleValue()) + " h";
            case MONEY -> String.format(Locale.ROOT, "$%,.2f", ((Number) v).doubleValue());
            case BOOL -> ((Boolean) v) ? "yes" : "no";
            case TEXT -> String.valueOf(v);
        };
    }

    /** A number without a needless ".0", or with two decimals. */
    public static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }
}
