package labcloud.aws;

import labcloud.core.Redactor;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * Registers every secret key and session token a provider hands out with the redactor, as it hands
 * them out: temporary credentials (SSO, an assumed role, credential_process, instance or container
 * metadata) are never in a file labcloud reads, and they change at each refresh.
 */
final class RegisteringCredentialsProvider implements AwsCredentialsProvider {
    private final AwsCredentialsProvider delegate;

    RegisteringCredentialsProvider(AwsCredentialsProvider delegate) {
        this.delegate = delegate;
    }

    @Override
    public AwsCredentials resolveCredentials() {
        AwsCredentials c = delegate.resolveCredentials();
        Redactor.register(c.secretAccessKey());
        if (c instanceof AwsSessionCredentials s) Redactor.register(s.sessionToken());
        return c;
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
