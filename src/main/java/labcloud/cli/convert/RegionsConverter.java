package labcloud.cli.convert;

import labcloud.app.LabAccount;
import picocli.CommandLine.ITypeConverter;

/**
 * A --regions value: "all" (every enabled region) or a comma-separated list of region names, each
 * checked by the rule {@link RegionConverter} applies, while the command line is parsed.
 */
public final class RegionsConverter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
        return BadValue.parse(option -> LabAccount.checkRegions(value));
    }
}
