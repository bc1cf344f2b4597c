package labcloud.aws;

import java.util.Map;
import java.util.Optional;
import labcloud.core.Environment;
import labcloud.core.Redactor;
import labcloud.core.UsageException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;

/**
 * Resolves credentials the way the AWS CLI does, from an explicit {@link Environment} rather than
 * the process's own, so that tests and the demo can run with their own HOME and variables.
 *
 * <p>Order: an explicit --profile wins over everything; otherwise AWS_ACCESS_KEY_ID/SECRET in the
 * environment, then the profile named by AWS_PROFILE (or "default") from the shared files, with
 * whatever that profile uses (static keys, credential_process, SSO, role assumption), then
 * container credentials, then the EC2 instance profile.
 */
final class CredentialResolver {
    record Resolved(AwsCredentialsProvider provider, CredentialOrigin origin, String profileName) {}

    private final Environment env;
    private final ProfileFile profiles;

    CredentialResolver(Environment env, ProfileFile profiles) {
        this.env = env;
        this.profiles = profiles;
    }

    /** Both shared files, each parsed now so that a broken one is bad input naming the file and line (exit 2). */
    static ProfileFile loadProfiles(Environment env) {
        ProfileFile.Aggregator agg = ProfileFile.aggregator();
        addIfPresent(agg, env.awsConfigFile(), ProfileFile.Type.CONFIGURATION);
        addIfPresent(agg, env.awsCredentialsFile(), ProfileFile.Type.CREDENTIALS);
        return agg.build();
    }

    private static void addIfPresent(ProfileFile.Aggregator agg, java.nio.file.Path file, ProfileFile.Type type) {
        if (!java.nio.file.Files.isRegularFile(file)) return;
        try {
            ProfileFile parsed = ProfileFile.builder().content(file).type(type).build();
            parsed.profiles(); // parsing is lazy: do it here, where the file is known
            agg.addFile(parsed);
        } catch (RuntimeException e) {
            throw new UsageException("cannot parse " + file + ": " + Redactor.all(e.getMessage()));
        }
    }

    /** The credentials to use; whatever secret they resolve to is registered with the redactor. */
    Resolved resolve(String explicitProfile) {
        Resolved r = find(explicitProfile);
        return new Resolved(new RegisteringCredentialsProvider(r.provider()), r.origin(), r.profileName());
    }

    private Resolved find(String explicitProfile) {
        if (explicitProfile != null) return fromProfile(explicitProfile, true);
        Optional<String> keyId = env.get("AWS_ACCESS_KEY_ID");
        Optional<String> secret = env.get("AWS_SECRET_ACCESS_KEY");
        if (keyId.isPresent() && secret.isPresent()) {
            Redactor.register(secret.get());
            Optional<String> token = env.get("AWS_SESSION_TOKEN");
            token.ifPresent(Redactor::register);
            AwsCredentials creds = token.isPresent()
                    ? AwsSessionCredentials.create(keyId.get(), secret.get(), token.get())
                    : AwsBasicCredentials.create(keyId.get(), secret.get());
            return new Resolved(StaticCredentialsProvider.create(creds), CredentialOrigin.ENVIRONMENT, null);
        }
        String name = env.get("AWS_PROFILE").or(() -> env.get("AWS_DEFAULT_PROFILE")).orElse("default");
        if (profiles.profile(name).isPresent()) return fromProfile(name, false);
        if (env.get("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI").isPresent()
                || env.get("AWS_CONTAINER_CREDENTIALS_FULL_URI").isPresent()) {
            return new Resolved(ContainerCredentialsProvider.create(), CredentialOrigin.CONTAINER, null);
        }
        if (env.get("AWS_PROFILE").isPresent()) return fromProfile(name, true);
        return new Resolved(InstanceProfileCredentialsProvider.create(), CredentialOrigin.INSTANCE, null);
    }

    private Resolved fromProfile(String name, boolean mustExist) {
        Profile profile = profiles.profile(name).orElseThrow(() -> new UsageException(
                "profile '" + name + "' is not in " + env.awsCredentialsFile() + " or " + env.awsConfigFile()
                        + " (add it with: labcloud creds import FILE.csv --profile " + name + ")"));
        Map<String, String> p = profile.properties();
        registerSecrets(p);
        CredentialOrigin origin;
        if (p.containsKey(ProfileProperty.ROLE_ARN)) origin = CredentialOrigin.ASSUME_ROLE;
        else if (p.containsKey(ProfileProperty.SSO_START_URL) || p.containsKey("sso_session")) origin = CredentialOrigin.SSO;
        else if (p.containsKey(ProfileProperty.CREDENTIAL_PROCESS)) origin = CredentialOrigin.PROCESS;
        else if (p.containsKey(ProfileProperty.WEB_IDENTITY_TOKEN_FILE)) origin = CredentialOrigin.WEB_IDENTITY;
        else if (p.containsKey(ProfileProperty.AWS_SESSION_TOKEN)) origin = CredentialOrigin.MFA_SESSION;
        else if (p.containsKey(ProfileProperty.AWS_ACCESS_KEY_ID)) origin = CredentialOrigin.PROFILE;
        else throw new UsageException("profile '" + name + "' has no credentials (no keys, role, SSO or credential_process)");
        ProfileFile file = profiles;
        AwsCredentialsProvider provider = ProfileCredentialsProvider.builder()
                .profileFile(() -> file)
                .profileName(name)
                .build();
        return new Resolved(provider, origin, name);
    }

    private static void registerSecrets(Map<String, String> p) {
        Redactor.register(p.get(ProfileProperty.AWS_SECRET_ACCESS_KEY));
        Redactor.register(p.get(ProfileProperty.AWS_SESSION_TOKEN));
    }
}
