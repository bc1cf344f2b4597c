package labcloud.creds;

import java.time.Duration;
import labcloud.core.UsageException;

/** Parses --duration values such as 12h, 90m, 3600s or 3600 within the limits STS accepts. */
public final class SessionDuration {
    public static final Duration MIN = Duration.ofMinutes(15);
    public static final Duration MAX = Duration.ofHours(36);

    private SessionDuration() {}

    public static Duration parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        if (!t.matches("\\d{1,6}[hms]?")) {
            throw new UsageException("--duration '" + text + "' is not a duration (e.g. 12h, 90m, 3600s)");
        }
        char last = t.charAt(t.length() - 1);
        char unit = Character.isDigit(last) ? 's' : last;
        long n = Long.parseLong(Character.isDigit(last) ? t : t.substring(0, t.length() - 1));
        Duration d = switch (unit) {
            case 'h' -> Duration.ofHours(n);
            case 'm' -> Duration.ofMinutes(n);
            default -> Duration.ofSeconds(n);
        };
        if (d.compareTo(MIN) < 0 || d.compareTo(MAX) > 0) {
            throw new UsageException("--duration " + text + " is outside what STS allows (15m to 36h)");
        }
        return d;
    }
}
