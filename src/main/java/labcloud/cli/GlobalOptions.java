package labcloud.cli;

import java.net.URI;
import labcloud.aws.AwsSettings;
import labcloud.cli.output.Format;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options accepted by every command, before or after the command name. */
public final class GlobalOptions {
    @Option(names = "--profile", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "AWS profile from ~/.aws/credentials and ~/.aws/config (default: AWS_PROFILE or 'default')")
    String profile;

    @Option(names = "--region", scope = ScopeType.INHERIT, paramLabel = "REGION",
            description = "AWS region (default: AWS_REGION, the profile's region, then us-east-1)")
    String region;

    @Option(names = "--endpoint-url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "send requests to this endpoint (an emulator or an S3-compatible store)")
    String endpointUrl;

    @Option(names = "--output", scope = ScopeType.INHERIT, paramLabel = "FORMAT",
            description = "table, json or csv (default: table)")
    Format output = Format.TABLE;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, description = "no progress or informational messages")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, description = "log details and stack traces to stderr")
    boolean verbose;

    @Option(names = "--no-color", scope = ScopeType.INHERIT, description = "no ANSI colours (also NO_COLOR=1)")
    boolean noColor;

    public AwsSettings awsSettings() {
        URI endpoint = endpointUrl == null ? null : labcloud.aws.AwsSettings.endpointUrl(endpointUrl, "--endpoint-url");
        return new AwsSettings(profile, region, endpoint, false);
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
