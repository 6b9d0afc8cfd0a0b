package com.clickairtime.balance.client;

import com.clickairtime.balance.client.network.DelayingServer;

import java.io.IOException;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many async calls in flight at once against a {@link DelayingServer}, in a JVM of its own (so that the pools it
 * counts were not started by something before it): prints, as properties, how many platform threads were started
 * from just before the client was built to the last answer, the peak of live threads above the start, the
 * latencies of the calls against those of single calls made one at a time, and the wall time.
 *
 * <p>Run through {@link #fork} by {@code AsyncThreadsTest} (thread counts only) and by the {@code bench} profile's
 * {@code AsyncBench} (everything, on a quiet machine). Arguments: calls, server delay in ms, single calls, the
 * caller's executor threads (0: the SDK's defaults), a time limit in seconds, and warm-up bursts.
 *
 * <p>Warm-up bursts are as many calls in flight, made and awaited before the single calls and the measured burst: a
 * fresh JVM's first burst spends most of its time compiling the client's and the server's code (about 3.5 s of JIT
 * time during the first 1,000 calls on JDK 17, 11 s on JDK 25, measured on 2 shared cores), which a service that has
 * been up for a minute no longer does. The threads they start are counted all the same.
 */
public final class AsyncLoad {

    static final String KEY = "ce_live_AsyncLoadKeyNotARealOne000000001";

    private AsyncLoad() {
    }

    public static void main(String[] args) throws Exception {
        int calls = Integer.parseInt(args[0]);
        Duration delay = Duration.ofMillis(Long.parseLong(args[1]));
        int singles = Integer.parseInt(args[2]);
        int executorThreads = Integer.parseInt(args[3]);
        long limitSeconds = Long.parseLong(args[4]);
        int warmUps = args.length > 5 ? Integer.parseInt(args[5]) : 0;
        String body = SpecBodies.json(SpecBodies.named("getBalance_acme_balance").body());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (DelayingServer server = new DelayingServer(body, delay)) {
            ExecutorService callers = executorThreads > 0 ? Executors.newFixedThreadPool(executorThreads) : null;
            long startedBefore = threads.getTotalStartedThreadCount();
            int liveBefore = threads.getThreadCount();
            threads.resetPeakThreadCount();
            BalanceClient.Builder builder = BalanceClient.builder().apiKey(KEY).baseUrl(server.baseUrl()).retryPolicy(RetryPolicy.none());
            if (callers != null) {
                builder.executor(callers);
            }
            try (BalanceClient client = builder.build()) {
                AtomicInteger warmUpFailed = new AtomicInteger();
                for (int i = 0; i < warmUps; i++) {
                    burst(client, new long[calls], warmUpFailed, limitSeconds);
                }
                long[] single = new long[singles];
                for (int i = 0; i < singles; i++) {
                    long started = System.nanoTime();
                    client.getBalanceAsync().get(limitSeconds, TimeUnit.SECONDS);
                    single[i] = System.nanoTime() - started;
                }
                long[] took = new long[calls];
                AtomicInteger failed = new AtomicInteger();
                long wall = burst(client, took, failed, limitSeconds);
                print("jdk", Runtime.version().toString());
                print("cores", Runtime.getRuntime().availableProcessors());
                print("mode", callers != null ? "caller's executor (" + executorThreads + " threads)" : client.core.asyncMode.toString());
                print("calls", calls);
                print("warmup.bursts", warmUps);
                print("warmup.failed", warmUpFailed.get());
                print("failed", failed.get());
                print("threads.started", threads.getTotalStartedThreadCount() - startedBefore);
                print("threads.peak", threads.getPeakThreadCount() - liveBefore);
                print("single.p50.ms", millis(percentile(single, 50)));
                print("p50.ms", millis(percentile(took, 50)));
                print("p99.ms", millis(percentile(took, 99)));
                print("wall.ms", millis(wall));
            } finally {
                if (callers != null) {
                    callers.shutdownNow();
                }
            }
        }
    }

    /** As many calls in flight as {@code took} is long, each one's latency into it; returns the wall time. */
    private static long burst(BalanceClient client, long[] took, AtomicInteger failed, long limitSeconds) throws Exception {
        CompletableFuture<?>[] all = new CompletableFuture<?>[took.length];
        long burst = System.nanoTime();
        for (int i = 0; i < took.length; i++) {
            int call = i;
            long started = System.nanoTime();
            all[i] = client.getBalanceAsync().handle((balance, error) -> {
                took[call] = System.nanoTime() - started;
                if (error != null || balance == null) {
                    failed.incrementAndGet();
                }
                return null;
            });
        }
        CompletableFuture.allOf(all).get(limitSeconds, TimeUnit.SECONDS);
        return System.nanoTime() - burst;
    }

    /**
     * Runs {@link #main} in a new JVM ({@code java} with {@code options} before the class path) and returns what it
     * printed; fails if it does not end within the time limit and half a minute, or ends badly.
     */
    public static Properties fork(Path java, List<String> options, int calls, long delayMillis, int singles,
                                  int executorThreads, long limitSeconds, int warmUps) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                AsyncLoad.class.getName(), String.valueOf(calls), String.valueOf(delayMillis), String.valueOf(singles),
                String.valueOf(executorThreads), String.valueOf(limitSeconds), String.valueOf(warmUps)));
        Process load = new ProcessBuilder(command).redirectErrorStream(true).start();
        // Read while it runs, so that a full pipe cannot stall it; the time limit holds either way.
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                output.append(new String(load.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // The process was ended.
            }
        });
        reader.start();
        boolean ended = load.waitFor(limitSeconds * (1 + warmUps) + 30, TimeUnit.SECONDS);
        if (!ended) {
            load.destroyForcibly();
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        if (!ended || load.exitValue() != 0) {
            throw new IllegalStateException((ended ? "the load failed: " : "the load did not end in time: ") + output);
        }
        Properties run = new Properties();
        run.load(new StringReader(output.toString()));
        return run;
    }

    /** A JDK 21 or later, where the SDK runs async calls on virtual threads: this one or one next to it, or null. */
    public static Path jdk21OrLater() throws Exception {
        return CloseCheck.jdk21OrLater();
    }

    private static long percentile(long[] values, int percent) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    private static void print(String key, Object value) {
        System.out.println(key + "=" + value);
    }
}
