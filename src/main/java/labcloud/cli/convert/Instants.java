package labcloud.cli.convert;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import labcloud.core.UsageException;

/** The one reading of dates and times on the command line (UTC unless the value says otherwise). */
public final class Instants {
    private Instants() {}

    /**
     * A date (2026-12-31, taken as the start of that day, or its end when {@code endOfDay}) or a
     * timestamp (2026-12-31T18:00:00Z, or without zone as UTC).
     */
    public static Instant parse(String option, String value, boolean endOfDay) {
        String v = value.trim();
        try {
            if (v.matches("\\d{4}-\\d{2}-\\d{2}")) {
                LocalDate d = LocalDate.parse(v);
                return endOfDay ? d.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusMillis(1)
                        : d.atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            if (v.endsWith("Z") || v.matches(".*[+-]\\d{2}:\\d{2}$")) return OffsetDateTime.parse(v).toInstant();
            return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new UsageException(option + " '" + value + "': expected a date like 2026-12-31 or a time like 2026-12-31T18:00:00Z");
        }
    }
}
