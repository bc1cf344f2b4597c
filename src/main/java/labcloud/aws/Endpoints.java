package labcloud.aws;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import labcloud.core.EndpointUrl;

/** Which endpoint a service's requests go to: an override (an emulator, an S3-compatible store) or AWS's own. */
final class Endpoints {
    private final AwsConfig config;

    Endpoints(AwsConfig config) {
        this.config = config;
    }

    /**
     * The endpoint override for a service, or empty for AWS's own endpoints: --endpoint-url, then
     * AWS_ENDPOINT_URL_&lt;SERVICE&gt;, AWS_ENDPOINT_URL, then the profile's endpoint_url.
     */
    Optional<URI> override(String serviceEnvName) {
        if (config.settings().endpoint() != null) return Optional.of(config.settings().endpoint());
        String serviceVar = "AWS_ENDPOINT_URL_" + serviceEnvName.toUpperCase(Locale.ROOT);
        return config.env().get(serviceVar).map(v -> EndpointUrl.parse(v, serviceVar))
                .or(() -> config.env().get("AWS_ENDPOINT_URL").map(v -> EndpointUrl.parse(v, "AWS_ENDPOINT_URL")))
                .or(() -> config.profileProperty("endpoint_url").map(v -> EndpointUrl.parse(v, "endpoint_url in the profile")));
    }

    /** S3 requests go to an emulator or S3-compatible store (path-style addressing then). */
    boolean s3Overridden() {
        return override("S3").isPresent();
    }

    /** AWS's regional S3 endpoint, FIPS and dual-stack as AWS_USE_FIPS_ENDPOINT and AWS_USE_DUALSTACK_ENDPOINT ask. */
    URI awsS3(String region) {
        boolean fips = config.flag("AWS_USE_FIPS_ENDPOINT", "use_fips_endpoint");
        boolean dualStack = config.flag("AWS_USE_DUALSTACK_ENDPOINT", "use_dualstack_endpoint");
        return URI.create("https://s3" + (fips ? "-fips" : "") + (dualStack ? ".dualstack" : "") + "." + region
                + ".amazonaws.com" + (region.startsWith("cn-") ? ".cn" : ""));
    }

}
