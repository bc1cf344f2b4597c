package labcloud.transfer;

import java.util.concurrent.Semaphore;

/**
 * The bound on bytes in flight shared by every file and part of a transfer, so that memory use is
 * the budget whatever the mix of small files and large parts. Counted in KiB to fit permits.
 */
public final class ByteBudget {
    private final Semaphore permits;
    private final int capacityKib;

    public ByteBudget(long bytes) {
        this.capacityKib = (int) Math.max(1, bytes / 1024);
        this.permits = new Semaphore(capacityKib, true);
    }

    /** Blocks until {@code bytes} fit; a request larger than the whole budget takes all of it. */
    public int acquire(long bytes) throws InterruptedException {
        int kib = (int) Math.min(capacityKib, Math.max(1, (bytes + 1023) / 1024));
        permits.acquire(kib);
        return kib;
    }

    public void release(int kib) {
        permits.release(kib);
    }
}
