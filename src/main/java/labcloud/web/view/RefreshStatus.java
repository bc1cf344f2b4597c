package labcloud.web.view;

import java.time.Instant;

/**
 * How the scheduled refresh is doing. {@code lastError} is set when the latest attempt failed
 * (the dashboard then keeps serving the last good data) and cleared by the next success.
 */
public record RefreshStatus(Instant lastAttempt, Instant lastSuccess, String lastError, Instant nextRefresh) {
    public static final RefreshStatus NEVER = new RefreshStatus(null, null, null, null);

    public boolean failing() {
        return lastError != null;
    }
}
