package labcloud.cli.convert;

import java.time.Instant;
import picocli.CommandLine.ITypeConverter;

/** A date (its first moment, UTC) or a timestamp: 2026-12-31, 2026-12-31T18:00:00Z. */
public final class StartOfDayConverter implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
        return BadValue.parse(option -> Instants.parse(option, value, false));
    }
}
