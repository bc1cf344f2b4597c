package labcloud.core;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one reading of durations, for every command ({@code trail --since}, {@code cleanup
 * --older-than}, {@code dashboard --refresh}, {@code creds mfa --duration}): a whole number and a
 * unit, s, m, h, d or w ("45s", "90m", "12h", "7d", "2w"). Where AWS itself counts seconds (an STS
 * session's length) a bare number of seconds is read too.
 */
public final class Durations {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*([smhdw])?");

    private Durations() {}

    /** A duration with its unit; {@code option} names the option in the one-line error. */
    public static Duration parse(String option, String value) {
        return parse(option, value, false);
    }

    /** @param bareSeconds whether a number without a unit is taken as seconds */
    public static Duration parse(String option, String value, boolean bareSeconds) {
        Matcher m = DURATION.matcher(value == null ? "" : value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches() || (m.group(2) == null && !bareSeconds)) throw bad(option, value);
        try {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            return switch (unit) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "w" -> Duration.ofDays(Math.multiplyExact(7, n));
                default -> Duration.ofDays(n);
            };
        } catch (NumberFormatException | ArithmeticException tooLong) { // 99999999999999999999d
            throw bad(option, value);
        }
    }

    private static UsageException bad(String option, String value) {
        return new UsageException(option + " '" + value + "': expected a duration like 7d, 12h, 30m or 2w");
    }
}
