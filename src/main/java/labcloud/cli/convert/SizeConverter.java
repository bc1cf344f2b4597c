package labcloud.cli.convert;

import labcloud.core.Sizes;
import picocli.CommandLine.ITypeConverter;

/** Byte sizes as {@link Sizes} reads them: 500GB, 2TiB, 64MiB, 1048576. */
public final class SizeConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        return BadValue.parse(option -> Sizes.parse(option, value));
    }
}
