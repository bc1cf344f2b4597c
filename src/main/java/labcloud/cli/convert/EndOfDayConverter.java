package labcloud.cli.convert;

import java.time.Instant;
import picocli.CommandLine.ITypeConverter;

/** A date (its last moment, UTC: "up to and including") or a timestamp. */
public final class EndOfDayConverter implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
        return BadValue.parse(option -> Instants.parse(option, value, true));
    }
}
