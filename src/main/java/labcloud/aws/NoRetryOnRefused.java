package labcloud.aws;

import java.net.ConnectException;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RecordSuccessResponse;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;

/**
 * A retry strategy that gives up at once when the connection was refused: nothing listens there
 * (a wrong --endpoint-url, a stopped emulator), and backing off for a minute does not change that.
 * Everything else (throttling, 5xx, timeouts, resets) is retried as the wrapped strategy says.
 */
final class NoRetryOnRefused implements RetryStrategy {
    private final RetryStrategy delegate;

    NoRetryOnRefused(RetryStrategy delegate) {
        this.delegate = delegate;
    }

    static boolean refused(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ConnectException && c.getMessage() != null && c.getMessage().contains("refused")) return true;
        }
        return false;
    }

    @Override
    public AcquireInitialTokenResponse acquireInitialToken(AcquireInitialTokenRequest request) {
        return delegate.acquireInitialToken(request);
    }

    @Override
    public RefreshRetryTokenResponse refreshRetryToken(RefreshRetryTokenRequest request) {
        if (refused(request.failure())) {
            throw new TokenAcquisitionFailedException("connection refused: not retried", request.token(), request.failure());
        }
        return delegate.refreshRetryToken(request);
    }

    @Override
    public RecordSuccessResponse recordSuccess(RecordSuccessRequest request) {
        return delegate.recordSuccess(request);
    }

    @Override
    public int maxAttempts() {
        return delegate.maxAttempts();
    }

    @Override
    public boolean useClientDefaults() {
        return delegate.useClientDefaults();
    }

    @Override
    public Builder<?, ?> toBuilder() {
        return delegate.toBuilder();
    }
}
