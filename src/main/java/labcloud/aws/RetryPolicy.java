package labcloud.aws;

import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;

/** How clients retry, and what every call records ({@link CallContextInterceptor}). */
final class RetryPolicy {
    private final AwsConfig config;

    RetryPolicy(AwsConfig config) {
        this.config = config;
    }

    /**
     * Adaptive retries: exponential backoff with jitter, and a client-side rate limiter that slows
     * down on Throttling, RequestLimitExceeded and SlowDown. AWS_MAX_ATTEMPTS overrides the count.
     */
    ClientOverrideConfiguration apiCalls() {
        return ClientOverrideConfiguration.builder()
                .retryStrategy(new NoRetryOnRefused(AwsRetryStrategy.adaptiveRetryStrategy().toBuilder().maxAttempts(config.maxAttempts()).build()))
                .addExecutionInterceptor(new CallContextInterceptor())
                .build();
    }

    /**
     * Standard retries (backoff with jitter, no client-side rate limiter): the transfer engine
     * bounds its own concurrency, and one SlowDown must not throttle a thousand parallel small
     * files to a crawl.
     */
    ClientOverrideConfiguration transfers() {
        return apiCalls().toBuilder()
                .retryStrategy(new NoRetryOnRefused(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(config.maxAttempts()).build()))
                .build();
    }
}
