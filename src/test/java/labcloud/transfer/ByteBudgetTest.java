package labcloud.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bound on bytes a transfer holds, and the part buffers it keeps for reuse. */
class ByteBudgetTest {
    private static final int MIB = 1 << 20;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private <T> CompletableFuture<T> later(java.util.concurrent.Callable<T> c) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return c.call();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        }, threads);
    }

    private static boolean waits(CompletableFuture<?> f) throws Exception {
        try {
            f.get(300, TimeUnit.MILLISECONDS);
            return false;
        } catch (TimeoutException e) {
            return true;
        }
    }

    @Test
    void aPartBufferGivenBackIsTheOneTheNextPartGets() throws Exception {
        ByteBudget b = new ByteBudget(64L * MIB);
        byte[] first = b.take(8 * MIB);
        b.give(first);
        byte[] second = b.take(8 * MIB);
        assertThat(second == first).as("the same array").isTrue();
        assertThat(b.held()).isEqualTo(8L * MIB); // kept or in use, it counts once
        byte[] small = b.take(1000);
        assertThat(small).hasSize(1000);
        b.give(small);
        assertThat(b.held()).isEqualTo(8L * MIB); // small arrays are not kept
    }

    @Test
    void nothingIsTakenBeyondTheBudgetUntilABufferComesBack() throws Exception {
        ByteBudget b = new ByteBudget(16L * MIB);
        byte[] one = b.take(8 * MIB);
        b.take(8 * MIB);
        CompletableFuture<byte[]> third = later(() -> b.take(8 * MIB));
        assertThat(waits(third)).isTrue();
        b.give(one);
        assertThat(third.get(5, TimeUnit.SECONDS) == one).as("the array given back").isTrue();
        assertThat(b.held()).isEqualTo(16L * MIB);
    }

    @Test
    void keptBuffersOfAnotherSizeAreDroppedToMakeRoom() throws Exception {
        ByteBudget b = new ByteBudget(16L * MIB);
        byte[] x = b.take(8 * MIB), y = b.take(8 * MIB);
        b.give(x);
        b.give(y);
        assertThat(b.held()).isEqualTo(16L * MIB);
        byte[] other = later(() -> b.take(6 * MIB)).get(5, TimeUnit.SECONDS);
        assertThat(other.length).isEqualTo(6 * MIB);
        assertThat(b.held()).isLessThanOrEqualTo(16L * MIB).isGreaterThanOrEqualTo(6L * MIB);
        long plain = later(() -> b.acquire(10L * MIB)).get(5, TimeUnit.SECONDS);
        assertThat(b.held()).isEqualTo(16L * MIB);
        b.release(plain);
        b.give(other);
    }

    @Test
    void aRequestLargerThanTheBudgetWaitsForNothingHeldThenTakesItAll() throws Exception {
        ByteBudget b = new ByteBudget(4L * MIB);
        long small = b.acquire(1000);
        CompletableFuture<byte[]> huge = later(() -> b.take(6 * MIB));
        assertThat(waits(huge)).isTrue();
        b.release(small);
        assertThat(huge.get(5, TimeUnit.SECONDS).length).isEqualTo(6 * MIB);
        assertThat(b.held()).isEqualTo(4L * MIB);
        b.give(huge.get());
        assertThat(b.held()).isZero();
    }

    @Test
    void firstComeFirstServedSoALargePartIsNotStarvedBySmallFiles() throws Exception {
        ByteBudget b = new ByteBudget(10L * MIB);
        long held = b.acquire(8L * MIB);
        CompletableFuture<Long> part = later(() -> b.acquire(8L * MIB));
        assertThat(waits(part)).isTrue();
        CompletableFuture<Long> small = later(() -> b.acquire(MIB)); // it would fit, but comes second
        assertThat(waits(small)).isTrue();
        b.release(held);
        assertThat(part.get(5, TimeUnit.SECONDS)).isEqualTo(8L * MIB);
        assertThat(small.get(5, TimeUnit.SECONDS)).isEqualTo(MIB);
        assertThat(b.held()).isEqualTo(9L * MIB);
    }

    @Test
    void aWaiterThatIsInterruptedDoesNotHoldUpThoseBehindIt() throws Exception {
        ByteBudget b = new ByteBudget(10L * MIB);
        long held = b.acquire(8L * MIB);
        Thread first = new Thread(() -> {
            try {
                b.acquire(8L * MIB);
            } catch (InterruptedException expected) {
                // gives up its turn
            }
        });
        first.start();
        Thread.sleep(200);
        CompletableFuture<Long> second = later(() -> b.acquire(MIB));
        assertThat(waits(second)).isTrue();
        first.interrupt();
        first.join(5000);
        assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo(MIB);
        b.release(held);
        assertThat(b.held()).isEqualTo(MIB);
    }
}
