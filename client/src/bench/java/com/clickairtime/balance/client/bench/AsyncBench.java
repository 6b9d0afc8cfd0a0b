package com.clickairtime.balance.client.bench;

import com.clickairtime.balance.client.AsyncLoad;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Many async calls in flight against a loopback server that holds each answer (200 ms by default), each round in a
 * fresh JVM ({@link AsyncLoad}) that first runs warm-up bursts of as many calls: on the SDK's defaults, side by side
 * with a caller-supplied executor of 4 threads, on this JDK's defaults where its common pool is bounded (what a JDK
 * 11 to 20 runs on more than two cores, forced here by the common pool's parallelism) when this JDK is older than 21,
 * and on the defaults of a JDK 21+ (virtual threads) when one is installed next to this one. Per scenario: the
 * platform threads started (the most of any round, warm-ups included) and the peak of live ones, the p50 and p99 of
 * the measured burst's calls against a single call's p50, and the wall time (medians over the rounds).
 *
 * <p>System properties: {@code bench.async.calls}, {@code bench.async.delay.ms}, {@code bench.async.rounds},
 * {@code bench.async.warmups}.
 */
final class AsyncBench {

    static final int THREADS_GOAL = 20;
    static final double P99_GOAL = 2.0;
    static final int SINGLES = 20;
    static final int CALLER_THREADS = 4;

    private AsyncBench() {
    }

    static void run(Properties figures) throws Exception {
        int calls = Integer.getInteger("bench.async.calls", 1000);
        long delay = Long.getLong("bench.async.delay.ms", 200);
        int rounds = Integer.getInteger("bench.async.rounds", 3);
        int warmUps = Integer.getInteger("bench.async.warmups", 2);
        long limit = Math.max(120, calls * delay / 1000 + 60);
        Path here = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> heap = List.of("-Xms256m", "-Xmx256m");
        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        scenarios.put("defaults", new Scenario(here, heap, 0, ""));
        scenarios.put("executor", new Scenario(here, heap, CALLER_THREADS, ""));
        if (Runtime.version().feature() < 21) {
            List<String> boundedCommonPool = new ArrayList<>(heap);
            // The common pool a JDK gives three cores: from two up, sendAsync completes on it (see SdkThreads).
            boundedCommonPool.add("-Djava.util.concurrent.ForkJoinPool.common.parallelism=2");
            scenarios.put("defaults.commonpool", new Scenario(here, boundedCommonPool, 0, ", common pool of 2"));
        }
        Path jdk21 = AsyncLoad.jdk21OrLater();
        if (jdk21 != null && !jdk21.equals(here)) {
            scenarios.put("defaults.jdk21", new Scenario(jdk21, heap, 0, ""));
        }
        figures.setProperty("async.calls", String.valueOf(calls));
        figures.setProperty("async.delay.ms", String.valueOf(delay));
        figures.setProperty("async.rounds", String.valueOf(rounds));
        figures.setProperty("async.warmups", String.valueOf(warmUps));
        figures.setProperty("async.scenarios", String.join(",", scenarios.keySet()));
        System.out.println("[sdk bench] async: " + calls + " calls in flight, answers held " + delay + " ms, " + rounds
                + " rounds per scenario, each in a fresh JVM measuring its burst after " + warmUps + " warm-up bursts");
        System.out.println("[sdk bench] scenario             mode                 threads started (peak)  single p50  p50  p99 (/ single)  wall");
        for (Map.Entry<String, Scenario> named : scenarios.entrySet()) {
            Scenario scenario = named.getValue();
            int executorThreads = scenario.executorThreads();
            List<Properties> runs = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                runs.add(AsyncLoad.fork(scenario.java(), scenario.options(), calls, delay, SINGLES, executorThreads, limit, warmUps));
            }
            String key = "async." + named.getKey();
            Properties first = runs.get(0);
            long started = runs.stream().mapToLong(r -> Long.parseLong(r.getProperty("threads.started"))).max().orElse(0);
            long peak = runs.stream().mapToLong(r -> Long.parseLong(r.getProperty("threads.peak"))).max().orElse(0);
            // Warm-up bursts included: a call that fails there is as much a failure of the client's.
            long failed = runs.stream().mapToLong(r -> Long.parseLong(r.getProperty("failed"))
                    + Long.parseLong(r.getProperty("warmup.failed"))).sum();
            double single = median(runs, "single.p50.ms");
            double p50 = median(runs, "p50.ms");
            double p99 = median(runs, "p99.ms");
            double ratio = SdkBench.median(runs.stream().mapToDouble(r -> number(r, "p99.ms") / number(r, "single.p50.ms")).toArray());
            double wall = median(runs, "wall.ms");
            figures.setProperty(key + ".jdk", first.getProperty("jdk"));
            figures.setProperty(key + ".cores", first.getProperty("cores"));
            figures.setProperty(key + ".mode", first.getProperty("mode") + scenario.modeNote());
            figures.setProperty(key + ".failed", String.valueOf(failed));
            figures.setProperty(key + ".threads.started", String.valueOf(started));
            figures.setProperty(key + ".threads.peak", String.valueOf(peak));
            figures.setProperty(key + ".single.p50.ms", format("%.1f", single));
            figures.setProperty(key + ".p50.ms", format("%.1f", p50));
            figures.setProperty(key + ".p99.ms", format("%.1f", p99));
            figures.setProperty(key + ".p99.ratio", format("%.2f", ratio));
            figures.setProperty(key + ".wall.ms", format("%.0f", wall));
            boolean defaults = executorThreads == 0;
            System.out.println(format("[sdk bench] %-20s %-20s %6d (%d)%s  %8.1f ms  %.1f ms  %.1f ms (%.2fx)%s  %.0f ms%s",
                    named.getKey(), first.getProperty("mode") + scenario.modeNote() + ", JDK " + Runtime.Version.parse(first.getProperty("jdk")).feature(),
                    started, peak, defaults ? (started <= THREADS_GOAL ? " met" : " NOT MET") : "", single, p50, p99, ratio,
                    defaults ? (ratio <= P99_GOAL ? " met" : " NOT MET") : "", wall, failed == 0 ? "" : ", " + failed + " FAILED"));
        }
    }

    /** A JVM to fork, its options, the caller's executor threads (0: the SDK's defaults), and what its mode is run on. */
    private record Scenario(Path java, List<String> options, int executorThreads, String modeNote) {
    }

    private static double number(Properties run, String key) {
        return Double.parseDouble(run.getProperty(key));
    }

    private static double median(List<Properties> runs, String key) {
        return SdkBench.median(runs.stream().mapToDouble(r -> number(r, key)).toArray());
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
