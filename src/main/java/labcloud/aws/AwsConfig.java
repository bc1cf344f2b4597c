package labcloud.aws;

import java.util.Optional;
import labcloud.core.Environment;
import labcloud.core.UsageException;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * Where labcloud's AWS settings come from, in the AWS CLI's order: the command line, then the
 * environment, then the profile in ~/.aws/config and ~/.aws/credentials.
 */
final class AwsConfig {
    static final String DEFAULT_REGION = "us-east-1";

    private final AwsSettings settings;
    private final Environment env;
    private final ProfileFile profiles;

    AwsConfig(AwsSettings settings, Environment env) {
        this.settings = settings;
        this.env = env;
        this.profiles = CredentialResolver.loadProfiles(env);
    }

    AwsSettings settings() {
        return settings;
    }

    Environment env() {
        return env;
    }

    ProfileFile profiles() {
        return profiles;
    }

    /** --region, then AWS_REGION, AWS_DEFAULT_REGION, the profile's region, then us-east-1. */
    String region() {
        if (settings.region() != null) return settings.region();
        return env.get("AWS_REGION").or(() -> env.get("AWS_DEFAULT_REGION"))
                .or(() -> profileProperty("region"))
                .orElse(DEFAULT_REGION);
    }

    /** A property of the profile in use (--profile, else AWS_PROFILE, else default); blank counts as unset. */
    Optional<String> profileProperty(String name) {
        String profile = settings.profile() != null ? settings.profile()
                : env.get("AWS_PROFILE").orElse("default");
        return profiles.profile(profile).flatMap(p -> p.property(name)).filter(v -> !v.isBlank());
    }

    Optional<Profile> profile(String name) {
        return profiles.profile(name);
    }

    /** A setting that is on when the environment variable, else the profile property, says "true". */
    boolean flag(String envName, String profileName) {
        return env.get(envName).or(() -> profileProperty(profileName)).map(Boolean::parseBoolean).orElse(false);
    }

    /** AWS_MAX_ATTEMPTS as the AWS CLI reads it (8 when unset); a bad value is a usage error. */
    int maxAttempts() {
        String v = env.get("AWS_MAX_ATTEMPTS").orElse("8").strip();
        try {
            int n = Integer.parseInt(v);
            if (n >= 1) return n;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UsageException("AWS_MAX_ATTEMPTS must be a whole number of at least 1, not '" + v + "'");
    }
}
