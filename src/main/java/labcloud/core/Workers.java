package labcloud.core;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Threads for work that waits on sockets: platform threads, daemons.
 *
 * <p>Not virtual threads. A virtual thread that blocks on a socket hands it to the JDK's poller,
 * a platform thread that then waits in epoll_wait until the process ends, and HotSpot's exit
 * waits up to 300 ms for threads in native code to settle: a fixed 0.3 s on every command that
 * had used one. Daemon threads, so that a hung request never keeps the process alive.
 */
public final class Workers {
    private Workers() {}

    /** Grows with demand and reuses idle threads; callers bound the work in flight themselves. */
    public static ExecutorService pool(String name) {
        return Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name(name + "-", 1).factory());
    }

    /** At most {@code threads} tasks at once, the rest queued. */
    public static ExecutorService fixed(String name, int threads) {
        return Executors.newFixedThreadPool(threads, Thread.ofPlatform().daemon().name(name + "-", 1).factory());
    }

    public static Thread start(String name, Runnable task) {
        return Thread.ofPlatform().daemon().name(name).start(task);
    }
}
