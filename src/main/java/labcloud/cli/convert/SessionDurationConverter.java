package labcloud.cli.convert;

import java.time.Duration;
import labcloud.creds.SessionDuration;
import picocli.CommandLine.ITypeConverter;

/** An STS session's length: a duration (or a number of seconds) from 15m to 36h. */
public final class SessionDurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        return BadValue.parse(option -> SessionDuration.parse(value));
    }
}
