package labcloud.transfer;

import java.util.Locale;
import labcloud.core.UsageException;

/** Byte counts for people: 1.5 GB in, 1.5 GB out (decimal units, as AWS bills). */
public final class Sizes {
    private Sizes() {}

    public static String human(long bytes) {
        if (bytes < 1000) return bytes + " B";
        String[] units = {"kB", "MB", "GB", "TB", "PB"};
        double v = bytes;
        int i = -1;
        while (v >= 1000 && i < units.length - 1) {
            v /= 1000;
            i++;
        }
        return String.format(Locale.ROOT, v < 10 ? "%.2f %s" : v < 100 ? "%.1f %s" : "%.0f %s", v, units[i]);
    }

    /** Parses "100GB", "5 MiB", "8M" (MiB), "1024"; names the option in the error. */
    public static long parse(String option, String text) {
        String t = text.trim().toUpperCase(Locale.ROOT).replace(" ", "");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)([KMGTP]?)(I?B?)").matcher(t);
        if (!m.matches()) throw new UsageException(option + " '" + text + "': expected a size like 100GB, 64MiB or 1048576");
        double n = Double.parseDouble(m.group(1));
        int power = "KMGTP".indexOf(m.group(2)) + 1;
        long base = m.group(3).equals("B") ? 1000 : 1024; // "GB" is decimal; "G" and "GiB" binary, as in rclone
        return (long) (n * Math.pow(base, m.group(2).isEmpty() ? 0 : power));
    }
}
