package labcloud.cli.convert;

import labcloud.app.LabAccount;
import picocli.CommandLine.ITypeConverter;

/**
 * A region name (us-east-1, eu-west-1), checked while the command line is parsed by the same rule
 * the account applies to every region it is given, so a garbled one is refused before anything runs.
 */
public final class RegionConverter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
        return BadValue.parse(option -> LabAccount.checkRegion(value));
    }
}
