package labcloud.transfer;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bound on bytes held by a transfer, shared by every file and part, so that the heap it needs
 * is the budget whatever the mix of small files and large parts (the launcher sizes the heap from
 * it). Two kinds of holders count against it:
 * <ul>
 * <li>{@link #acquire} / {@link #release}: bytes a task holds in arrays of its own;</li>
 * <li>{@link #take} / {@link #give}: buffers of 1 MiB and more (parts, larger files) that are
 * kept for reuse. A transfer's parts all have one size, so after the first few every part reuses
 * a buffer: no garbage collection of 8 MiB arrays, no heap growth. A buffer waiting for reuse
 * still counts; it is dropped when a request of another size would not fit otherwise.</li>
 * </ul>
 * A request larger than the whole budget waits until nothing else is held, then takes it all.
 */
public final class ByteBudget {
    /** Below this a buffer is not kept for reuse: small arrays cost the collector almost nothing. */
    static final int POOLED = 1 << 20;

    private final long capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition freed = lock.newCondition();
    /** Bytes held: in use by tasks, plus buffers kept for reuse. */
    private long held;
    /** Bytes in buffers kept for reuse (part of held). */
    private long idle;
    private final Map<Integer, ArrayDeque<byte[]>> free = new HashMap<>();
    /** First come, first served (as a fair semaphore): a part is not starved by a stream of small files. */
    private long nextTicket;
    private long serving;
    private final java.util.Set<Long> abandoned = new java.util.HashSet<>();

    public ByteBudget(long bytes) {
        this.capacity = Math.max(1024, bytes);
    }

    public long capacity() {
        return capacity;
    }

    /** Bytes held now (in use and kept for reuse); for tests. */
    long held() {
        lock.lock();
        try {
            return held;
        } finally {
            lock.unlock();
        }
    }

    /** Blocks until {@code bytes} fit; returns the amount to give back to {@link #release}. */
    public long acquire(long bytes) throws InterruptedException {
        long n = cost(bytes);
        lock.lock();
        try {
            reserve(n, 0);
            return n;
        } finally {
            lock.unlock();
        }
    }

    public void release(long bytes) {
        lock.lock();
        try {
            held -= bytes;
            freed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * A buffer of exactly {@code length} bytes, counted until given back with {@link #give}: one
     * kept from an earlier task when there is one of that length, else a new one.
     */
    public byte[] take(int length) throws InterruptedException {
        if (!pooled(length)) {
            acquire(length);
            return new byte[length];
        }
        lock.lock();
        try {
            byte[] kept = pop(length);
            if (kept == null) kept = reserve(length, length);
            if (kept != null) return kept;
        } finally {
            lock.unlock();
        }
        return new byte[length]; // outside the lock: zeroing 8 MiB takes a while
    }

    /** Gives back a buffer from {@link #take}; it is kept for the next task that needs its length. */
    public void give(byte[] buffer) {
        if (!pooled(buffer.length)) {
            release(cost(buffer.length));
            return;
        }
        lock.lock();
        try {
            free.computeIfAbsent(buffer.length, k -> new ArrayDeque<>()).push(buffer);
            idle += buffer.length;
            freed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private boolean pooled(int length) {
        return length >= POOLED && length <= capacity;
    }

    private long cost(long bytes) {
        return Math.min(capacity, Math.max(1, bytes));
    }

    /**
     * Waits (lock held) for its turn and until n more bytes fit, dropping kept buffers of other
     * lengths to make room. A request for a buffer of length {@code reuse} (0: none) takes a kept
     * one of that length as soon as one is given back; it is returned, else null once n are held.
     */
    private byte[] reserve(long n, int reuse) throws InterruptedException {
        long ticket = nextTicket++;
        try {
            while (true) {
                if (ticket == serving) {
                    byte[] kept = reuse > 0 ? pop(reuse) : null;
                    if (kept != null || held + n <= capacity || held == 0) {
                        if (kept == null) held += n;
                        serving++;
                        skipAbandoned();
                        freed.signalAll();
                        return kept;
                    }
                    if (idle > 0) {
                        dropIdle(held + n - capacity);
                        continue;
                    }
                }
                freed.await();
            }
        } catch (InterruptedException e) {
            // give up the turn without holding up those behind: they are served as if it had been taken
            if (ticket == serving) serving++;
            else abandoned.add(ticket);
            skipAbandoned();
            freed.signalAll();
            throw e;
        }
    }

    private byte[] pop(int length) {
        ArrayDeque<byte[]> q = free.get(length);
        if (q == null || q.isEmpty()) return null;
        idle -= length;
        return q.pop();
    }

    private void skipAbandoned() {
        while (abandoned.remove(serving)) serving++;
    }

    /** Drops idle buffers (for the collector) until at least {@code bytes} are no longer held, or none are left. */
    private void dropIdle(long bytes) {
        long dropped = 0;
        for (Iterator<ArrayDeque<byte[]>> it = free.values().iterator(); it.hasNext() && dropped < bytes; ) {
            ArrayDeque<byte[]> q = it.next();
            while (!q.isEmpty() && dropped < bytes) dropped += q.pop().length;
            if (q.isEmpty()) it.remove();
        }
        idle -= dropped;
        held -= dropped;
    }
}
