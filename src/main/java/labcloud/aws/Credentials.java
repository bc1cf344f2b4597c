package labcloud.aws;

import java.util.Optional;
import labcloud.core.AuthException;
import labcloud.core.LabcloudException;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/** The credentials in use, found once (as the AWS CLI finds them) on first need. */
final class Credentials {
    private final AwsConfig config;
    private volatile CredentialResolver.Resolved resolved;

    Credentials(AwsConfig config) {
        this.config = config;
    }

    private CredentialResolver.Resolved resolved() {
        if (resolved == null) {
            synchronized (this) {
                if (resolved == null) {
                    resolved = new CredentialResolver(config.env(), config.profiles()).resolve(config.settings().profile());
                }
            }
        }
        return resolved;
    }

    AwsCredentialsProvider provider() {
        return resolved().provider();
    }

    CredentialOrigin origin() {
        return resolved().origin();
    }

    Optional<String> profileName() {
        return Optional.ofNullable(resolved().profileName());
    }

    /** Resolves the credentials now; a failure here is an authentication error (exit 4). */
    AwsCredentials now() {
        try {
            return provider().resolveCredentials();
        } catch (LabcloudException e) {
            throw e;
        } catch (RuntimeException e) {
            throw AwsErrors.classify(e) instanceof AuthException ae ? ae
                    : new AuthException("cannot load AWS credentials: " + AwsErrors.classify(e).getMessage(), e);
        }
    }
}
