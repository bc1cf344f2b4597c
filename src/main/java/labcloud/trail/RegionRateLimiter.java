package labcloud.trail;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spaces requests per region so that no region sees more than {@code perSecond} of them in any
 * second. LookupEvents allows 2 requests per second per region per account; going over gets
 * throttled, and throttling spends retries that a lab admin's script would rather not spend.
 */
public final class RegionRateLimiter {
    private final long intervalNanos;
    private final Map<String, Long> next = new ConcurrentHashMap<>();

    public RegionRateLimiter(double perSecond) {
        this.intervalNanos = (long) (1_000_000_000L / perSecond);
    }

    /** Blocks until this region may send its next request. */
    public void acquire(String region) throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long at = Math.max(now, next.getOrDefault(region, now));
            next.put(region, at + intervalNanos);
            wait = at - now;
        }
        if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
}
