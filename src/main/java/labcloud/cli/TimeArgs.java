package labcloud.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import labcloud.core.UsageException;

/** Parses the time arguments of trail and audit: 7d / 12h durations, dates and timestamps (UTC). */
final class TimeArgs {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*([smhdw])");

    private TimeArgs() {}

    /** "7d", "12h", "30m", "2w", "45s". */
    static Duration duration(String option, String value) {
        Matcher m = DURATION.matcher(value.trim().toLowerCase());
        if (!m.matches()) throw new UsageException(option + " '" + value + "': expected a duration like 7d, 12h, 30m or 2w");
        try {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "w" -> Duration.ofDays(Math.multiplyExact(7, n));
                default -> Duration.ofDays(n);
            };
        } catch (NumberFormatException | ArithmeticException tooLong) { // 99999999999999999999d
            throw new UsageException(option + " '" + value + "': expected a duration like 7d, 12h, 30m or 2w");
        }
    }

    /**
     * A date (2026-12-31, taken as the start of that day, or its end when {@code endOfDay}) or a
     * timestamp (2026-12-31T18:00:00Z, or without zone as UTC).
     */
    static Instant instant(String option, String value, boolean endOfDay) {
        String v = value.trim();
        try {
            if (v.matches("\\d{4}-\\d{2}-\\d{2}")) {
                LocalDate d = LocalDate.parse(v);
                return endOfDay ? d.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusMillis(1)
                        : d.atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            if (v.endsWith("Z") || v.matches(".*[+-]\\d{2}:\\d{2}$")) return java.time.OffsetDateTime.parse(v).toInstant();
            return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new UsageException(option + " '" + value + "': expected a date like 2026-12-31 or a time like 2026-12-31T18:00:00Z");
        }
    }
}
