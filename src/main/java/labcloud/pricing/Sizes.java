package labcloud.pricing;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import labcloud.core.UsageException;

/**
 * Parses sizes such as {@code 500GB}, {@code 2TiB}, {@code 1.5T}, {@code 1048576}. Like AWS
 * billing, GB and GiB both mean 2^30 bytes (TB and TiB 2^40): a price per GB applies to the
 * number a user types.
 */
public final class Sizes {
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgtp]?)(i?b?)", Pattern.CASE_INSENSITIVE);

    private Sizes() {}

    public static long parse(String text) {
        if (text == null) throw new UsageException("missing size (e.g. 500GB, 2TiB)");
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) throw new UsageException("invalid size '" + text + "' (e.g. 500GB, 2TiB, 750MB, 1048576)");
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        if (unit.isEmpty() && m.group(3).toLowerCase(Locale.ROOT).startsWith("i")) {
            throw new UsageException("invalid size '" + text + "' (e.g. 500GB, 2TiB, 750MB, 1048576)");
        }
        int power = unit.isEmpty() ? 0 : "kmgtp".indexOf(unit) + 1;
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1024).pow(power));
        if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) throw new UsageException("size too large: " + text);
        return bytes.longValue();
    }

    /** 536870912000 becomes "500 GB"; 1536 becomes "1.5 KB". */
    public static String format(long bytes) {
        String[] units = {"B", "KB", "MB", "GB", "TB", "PB"};
        double v = bytes;
        int i = 0;
        while (v >= 1024 && i < units.length - 1) {
            v /= 1024;
            i++;
        }
        String num = v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
        return num + " " + units[i];
    }
}
