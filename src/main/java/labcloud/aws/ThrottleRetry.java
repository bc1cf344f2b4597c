package labcloud.aws;

import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import labcloud.core.Environment;
import labcloud.core.ExitCode;
import labcloud.core.LabcloudException;

/**
 * Retries a call that an API refused with a rate-limit error the SDK does not treat as throttling:
 * Cost Explorer answers {@code LimitExceededException} (HTTP 400), which the SDK's retry strategy
 * passes straight through. Exponential backoff with full jitter, AWS_MAX_ATTEMPTS attempts (default
 * 8, as everywhere in labcloud), each wait capped, so a run never hangs.
 */
public final class ThrottleRetry {
    static final Set<String> CODES = Set.of("LimitExceededException", "ThrottlingException", "Throttling",
            "TooManyRequestsException", "RequestLimitExceeded");
    private static final long BASE_MILLIS = 250;
    private static final long MAX_WAIT_MILLIS = 5_000;

    private final int attempts;

    public ThrottleRetry(Environment env) {
        int n = 8;
        try {
            n = Integer.parseInt(env.get("AWS_MAX_ATTEMPTS").orElse("8").strip());
        } catch (NumberFormatException ignored) {
            // AwsContext reports a bad AWS_MAX_ATTEMPTS as a usage error when it builds a client
        }
        this.attempts = Math.max(1, n);
    }

    public static boolean isRateLimited(Throwable t) {
        String code = AwsErrors.errorCode(t);
        return code != null && CODES.contains(code);
    }

    /** Runs {@code call}; a rate-limit refusal is retried, anything else is classified at once. */
    public <T> T call(Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                if (!isRateLimited(e)) throw AwsErrors.classify(e);
                if (attempt >= attempts) {
                    AwsCall where = AwsCall.find(e);
                    throw new LabcloudException(ExitCode.FAILED, "AWS kept refusing the request as over its rate limit ("
                            + AwsErrors.errorCode(e) + (where == null ? "" : ", " + where.iamAction()) + ") after " + attempts
                            + " attempts; wait a minute and run again (answers already fetched are kept)", e);
                }
                sleep(attempt);
            }
        }
    }

    private static void sleep(int attempt) {
        long cap = Math.min(MAX_WAIT_MILLIS, BASE_MILLIS << Math.min(attempt - 1, 10));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(cap / 2, cap + 1));
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new LabcloudException(ExitCode.FAILED, "interrupted while waiting to retry");
        }
    }
}
