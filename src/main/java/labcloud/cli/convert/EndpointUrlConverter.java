package labcloud.cli.convert;

import java.net.URI;
import labcloud.core.EndpointUrl;
import picocli.CommandLine.ITypeConverter;

/** An endpoint URL as {@link EndpointUrl} accepts it: http or https, a host, a port 1-65535. */
public final class EndpointUrlConverter implements ITypeConverter<URI> {
    @Override
    public URI convert(String value) {
        return BadValue.parse(option -> EndpointUrl.parse(value, option));
    }
}
