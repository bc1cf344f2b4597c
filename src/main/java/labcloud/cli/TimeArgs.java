package labcloud.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import labcloud.core.Durations;
import labcloud.core.UsageException;

/** Parses the time arguments of trail, inventory and audit: durations (as {@link Durations} reads them), dates and timestamps (UTC). */
final class TimeArgs {

    private TimeArgs() {}

    /** "7d", "12h", "30m", "2w", "45s": {@link Durations}, the one duration grammar. */
    static Duration duration(String option, String value) {
        return Durations.parse(option, value);
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
