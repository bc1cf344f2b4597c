package labcloud.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one reading and printing of byte sizes, for every command ({@code price}, {@code cp
 * --part-size}, {@code --egress-threshold}, {@code ls}, {@code du}, inventory). As AWS bills it, a
 * GB is 2^30 bytes: {@code GB}, {@code G} and {@code GiB} all mean 2^30 (K 2^10, M 2^20, T 2^40,
 * P 2^50), so {@code price egress 100GB} and {@code cp --egress-threshold 100GB} are the same
 * number of bytes. Sizes print in binary units: "1.5 GiB".
 */
public final class Sizes {
    public static final long KIB = 1L << 10;
    public static final long MIB = 1L << 20;
    public static final long GIB = 1L << 30;
    public static final long TIB = 1L << 40;

    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:([kmgtp])(?:ib?|b)?|b)?",
            Pattern.CASE_INSENSITIVE);
    private static final String UNITS = "kmgtp";
    private static final String[] BINARY = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private Sizes() {}

    /**
     * "500GB", "2TiB", "1.5T", "750mb", "16KiB", "1048576" (bytes). {@code option} names the
     * option or argument in the error (a {@link UsageException}: exit 2).
     */
    public static long parse(String option, String text) {
        if (text == null || text.isBlank()) throw new UsageException(option + ": missing size (e.g. 500GB, 2TiB, 1048576)");
        Matcher m = SIZE.matcher(text.strip());
        if (!m.matches()) {
            throw new UsageException(option + ": invalid size '" + text + "' (e.g. 500GB, 2TiB, 1.5TB, 64MiB or a byte count; a GB is 2^30 bytes)");
        }
        int power = m.group(2) == null ? 0 : UNITS.indexOf(m.group(2).toLowerCase(Locale.ROOT)) + 1;
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1024).pow(power))
                .setScale(0, RoundingMode.DOWN);
        if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) throw new UsageException(option + ": size too large: '" + text + "'");
        return bytes.longValueExact();
    }

    /** 1536 prints as "1.5 KiB", 536870912000 as "500 GiB", 512 as "512 B" (one decimal at most). */
    public static String format(long bytes) {
        if (bytes < 1024) return bytes + " B";
        double v = bytes;
        int i = -1;
        while (v >= 1024 && i < BINARY.length - 1) {
            v /= 1024;
            i++;
        }
        String num = String.format(Locale.ROOT, "%.1f", v);
        if (num.equals("1024.0") && i < BINARY.length - 1) { // 1023.97 KiB rounds up to 1 MiB, not "1024 KiB"
            num = "1.0";
            i++;
        }
        if (num.endsWith(".0")) num = num.substring(0, num.length() - 2);
        return num + " " + BINARY[i];
    }
}
