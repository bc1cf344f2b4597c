package labcloud.advise.tree;

import java.util.Locale;
import labcloud.core.Sizes;
import labcloud.core.UsageException;

/**
 * Reads a value of a given kind from what a user typed (a flag, a form field) or a YAML scalar:
 * sizes like 64GiB or 2TiB, numbers, yes/no, text. One place for the CLI, the dashboard form and
 * the tree file. Errors are {@link UsageException}s naming {@code field}.
 */
public final class Values {
    private Values() {}

    public static Object parse(Fact kind, String field, Object raw) {
        if (raw == null) throw new UsageException(field + ": missing value");
        String s = String.valueOf(raw).strip();
        switch (kind) {
            case SIZE -> {
                return (double) Sizes.parse(field, s);
            }
            case NUMBER, HOURS, MONEY -> {
                String n = kind == Fact.MONEY ? s.replace("$", "").replace(",", "") : s;
                if (kind == Fact.HOURS && n.endsWith("h")) n = n.substring(0, n.length() - 1).strip();
                double d;
                try {
                    d = Double.parseDouble(n);
                } catch (NumberFormatException e) {
                    throw new UsageException(field + ": expected a number, got '" + s + "'");
                }
                if (!(d >= 0) || Double.isInfinite(d) || d > 1e12) {
                    throw new UsageException(field + ": expected a number from 0 up, got '" + s + "'");
                }
                return d;
            }
            case BOOL -> {
                if (raw instanceof Boolean b) return b;
                return switch (s.toLowerCase(Locale.ROOT)) {
                    case "true", "yes", "y", "on", "1" -> true;
                    case "false", "no", "n", "off", "0", "" -> false;
                    default -> throw new UsageException(field + ": expected yes or no, got '" + s + "'");
                };
            }
            default -> {
                if (s.isEmpty() || s.length() > 1000) throw new UsageException(field + ": expected text, got '" + s + "'");
                return s;
            }
        }
    }
}
