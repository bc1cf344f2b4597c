package labcloud.creds;

import java.time.Duration;
import labcloud.core.Durations;
import labcloud.core.UsageException;

/** --duration values (12h, 90m, 3600s, or 3600 seconds; {@link Durations}' grammar) within the limits STS accepts. */
public final class SessionDuration {
    public static final Duration MIN = Duration.ofMinutes(15);
    public static final Duration MAX = Duration.ofHours(36);

    private SessionDuration() {}

    public static Duration parse(String text) {
        Duration d;
        try {
            d = Durations.parse("--duration", text, true);
        } catch (UsageException e) {
            throw new UsageException("--duration '" + text + "' is not a duration (e.g. 12h, 90m, 3600s)");
        }
        if (d.compareTo(MIN) < 0 || d.compareTo(MAX) > 0) {
            throw new UsageException("--duration " + text + " is outside what STS allows (15m to 36h)");
        }
        return d;
    }
}
