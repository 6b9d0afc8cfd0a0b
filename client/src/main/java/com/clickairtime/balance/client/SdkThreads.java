package com.clickairtime.balance.client;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a client's async calls run on when the caller gives no executor, so that a thousand calls in flight take a
 * few platform threads, not one each. The JDK's {@code HttpClient.sendAsync} completes every response on
 * {@code CompletableFuture}'s default pool, and where the common pool has a parallelism of 1 (two cores or fewer;
 * so on JDK 17, JDK 25 changed it) that pool starts a new thread per task: a thread per call. So the SDK picks, once per client:
 * <ul>
 *   <li>{@link Mode#VIRTUAL_THREADS} (JDK 21+): each async call runs the blocking {@code send} on a virtual thread,
 *       which parks while it waits; {@code send} never goes through that pool.</li>
 *   <li>{@link Mode#JDK_ASYNC} (JDK 11 to 20, common pool parallelism 2 or more): {@code sendAsync}, whose
 *       completions then run on the JVM's common pool, which is bounded.</li>
 *   <li>{@link Mode#BOUNDED_BLOCKING} (JDK 11 to 20 on two cores or fewer): the blocking {@code send} on
 *       {@link #CALL_THREADS} threads of the client's own; calls beyond that wait their turn in a queue.</li>
 * </ul>
 * With an executor of the caller's, calls go through {@code sendAsync} on it, as the JDK runs them.
 */
final class SdkThreads {

    /** The SDK's own HttpClient's executor (the JDK's default starts a thread per concurrent task). */
    static final int HTTP_THREADS = 4;
    /**
     * Calls on the wire at once in {@link Mode#BOUNDED_BLOCKING}; with the HttpClient's selector thread, the
     * {@link #HTTP_THREADS} and the JDK's one retry scheduler, 18 platform threads at most.
     */
    static final int CALL_THREADS = 12;
    private static final long IDLE_SECONDS = 30;

    /*
     * Executors.newVirtualThreadPerTaskExecutor, looked up rather than compiled against: the SDK is compiled for
     * Java 11 by a JDK 17. On 19 and 20 it exists but is a preview, off unless enabled, so it is tried once.
     */
    private static final Method VIRTUAL_PER_TASK = virtualPerTaskFactory();

    enum Mode { VIRTUAL_THREADS, JDK_ASYNC, BOUNDED_BLOCKING }

    private SdkThreads() {
    }

    /** The mode for a JVM that has virtual threads or not, and whose common pool has this parallelism. */
    static Mode mode(boolean virtualThreads, int commonPoolParallelism) {
        if (virtualThreads) {
            return Mode.VIRTUAL_THREADS;
        }
        return commonPoolParallelism > 1 ? Mode.JDK_ASYNC : Mode.BOUNDED_BLOCKING;
    }

    static Mode mode() {
        return mode(VIRTUAL_PER_TASK != null, ForkJoinPool.getCommonPoolParallelism());
    }

    /**
     * A pool of at most {@code threads} daemon threads, started as tasks come and ended after a while idle, so that
     * a client that is never closed neither keeps the JVM alive nor holds threads it does not use.
     */
    static ExecutorService pool(String name, int threads) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, IDLE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), factory);
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /**
     * A pool for the HTTP client's own work: short tasks handed over from its selector thread, a few per call. A
     * {@link ForkJoinPool} wakes the worker that went idle last (its idle workers form a stack), which is still
     * warm, where a {@link ThreadPoolExecutor}'s queue wakes the one idle longest: a per-call cost the JDK's own
     * default, a cached pool whose hand-off queue is a stack too, does not have. At most {@code threads}: a task
     * that blocks never makes the pool start another (no compensation threads, whatever the JDK's default).
     */
    static ExecutorService eventPool(String name, int threads) {
        AtomicInteger count = new AtomicInteger();
        ForkJoinPool.ForkJoinWorkerThreadFactory factory = forkJoinPool -> {
            ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(forkJoinPool);
            thread.setName(name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return new ForkJoinPool(threads, factory, null, true, 0, threads, 1, pool -> true, IDLE_SECONDS, TimeUnit.SECONDS);
    }

    /** A new virtual thread per task; only in {@link Mode#VIRTUAL_THREADS}. */
    static ExecutorService virtualThreadPerTask() {
        try {
            return (ExecutorService) VIRTUAL_PER_TASK.invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("virtual threads were found but cannot be started", e);
        }
    }

    private static Method virtualPerTaskFactory() {
        try {
            Method factory = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
            ((ExecutorService) factory.invoke(null)).shutdown();
            return factory;
        } catch (ReflectiveOperationException | RuntimeException notHere) {
            return null;
        }
    }
}
