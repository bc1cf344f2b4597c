package labcloud.cli;

import java.net.URI;
import labcloud.app.LabAccount;
import labcloud.cli.convert.EndpointUrlConverter;
import labcloud.cli.convert.RegionConverter;
import labcloud.cli.output.Format;
import labcloud.core.Environment;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options accepted by every command, before or after the command name. */
public final class GlobalOptions {
    @Option(names = "--profile", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "AWS profile from ~/.aws/credentials and ~/.aws/config (default: AWS_PROFILE or 'default')")
    String profile;

    @Option(names = "--region", scope = ScopeType.INHERIT, paramLabel = "REGION", converter = RegionConverter.class,
            description = "AWS region (default: AWS_REGION, the profile's region, then us-east-1)")
    String region;

    @Option(names = "--endpoint-url", scope = ScopeType.INHERIT, paramLabel = "URL", converter = EndpointUrlConverter.class,
            description = "send requests to this endpoint (an emulator or an S3-compatible store)")
    URI endpointUrl;

    @Option(names = "--output", scope = ScopeType.INHERIT, paramLabel = "FORMAT",
            description = "table, json or csv (default: table)")
    Format output = Format.TABLE;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, description = "no progress or informational messages")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, description = "log details and stack traces to stderr")
    boolean verbose;

    @Option(names = "--no-color", scope = ScopeType.INHERIT, description = "no ANSI colours (also NO_COLOR=1)")
    boolean noColor;

    /** The account these options name (opened on first use); {@code compat} for S3-compatible stores. */
    public LabAccount account(Environment env, boolean compat) {
        return LabAccount.of(profile, region, endpointUrl, compat, env);
    }

    /** --profile, or null. */
    public String profile() {
        return profile;
    }

    /** --region, or null. */
    public String region() {
        return region;
    }

    public Format output() {
        return output;
    }

    public boolean quiet() {
        return quiet;
    }

    public boolean verbose() {
        return verbose;
    }

    public boolean noColor() {
        return noColor;
    }
}
