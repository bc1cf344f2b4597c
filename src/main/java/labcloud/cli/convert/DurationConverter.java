package labcloud.cli.convert;

import java.time.Duration;
import labcloud.core.Durations;
import picocli.CommandLine.ITypeConverter;

/** Durations as {@link Durations} reads them: 45s, 90m, 12h, 7d, 2w. */
public final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        return BadValue.parse(option -> Durations.parse(option, value));
    }
}
