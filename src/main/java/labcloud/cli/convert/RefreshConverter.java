package labcloud.cli.convert;

import java.time.Duration;
import java.util.Locale;
import labcloud.core.Durations;
import labcloud.core.UsageException;
import picocli.CommandLine.ITypeConverter;

/** The dashboard's refresh interval: a duration of at least 10s, or "off" (or 0) for none (null). */
public final class RefreshConverter implements ITypeConverter<Duration> {
    /** The old six-digit cap (999999d): far beyond any use, and safe for the scheduler's milliseconds. */
    private static final Duration MAX = Duration.ofDays(999_999);

    @Override
    public Duration convert(String value) {
        return BadValue.parse(option -> parse(value));
    }

    public static Duration parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("off") || v.equals("0")) return null;
        Duration d;
        try {
            d = Durations.parse("--refresh", v);
        } catch (UsageException e) {
            d = null;
        }
        if (d == null || d.compareTo(MAX) > 0) {
            throw new UsageException("--refresh: expected a duration such as 15m, 1h or 90s, or 'off', not '" + value + "'");
        }
        if (d.toSeconds() < 10) throw new UsageException("--refresh: at least 10s, not '" + value + "'");
        return d;
    }
}
