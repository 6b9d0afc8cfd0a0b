package com.clickairtime.balance.client.bench;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Runs {@link ClientBenchmark} and prints, per operation, the SDK's median call, the hand-written one's,
 * and their ratio: the median over the rounds of each round's ratio, with the lowest and highest; then
 * {@link AsyncBench}, the async calls many at once.
 *
 * <p>Argument: the file to write the figures to. System properties {@code bench.rounds},
 * {@code bench.warmup} (iterations) and {@code bench.seconds} (per round) change the run's length; the
 * pom sets them from {@code bench.sdk.rounds}, {@code bench.sdk.warmup} and {@code bench.sdk.seconds}.
 * {@code bench.parts} ({@code sync,async} by default) runs one of the two alone, e.g. {@code -Dbench.parts=async}.
 */
public final class SdkBench {

    /** Above this the SDK costs noticeably more than the few lines it replaces. */
    static final double GOAL = 1.05;

    private SdkBench() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/benchmarks/sdk.properties");
        List<String> parts = List.of(System.getProperty("bench.parts", "sync,async").split(","));
        Properties figures = new Properties();
        if (parts.contains("sync")) {
            perCall(figures);
        }
        if (parts.contains("async")) {
            AsyncBench.run(figures);
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (Writer writer = Files.newBufferedWriter(out)) {
            figures.store(writer, "BalanceClient against hand-written java.net.http + Jackson");
        }
        System.out.println("[sdk bench] figures written to " + out);
    }

    private static void perCall(Properties figures) throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 25);
        int warmup = Integer.getInteger("bench.warmup", 5);
        int seconds = Integer.getInteger("bench.seconds", 1);
        Options options = new OptionsBuilder()
                .include(ClientBenchmark.class.getName() + "\\.")
                .forks(0) // ClientBenchmark hands its rounds over in this JVM
                .threads(1)
                .warmupIterations(warmup).warmupTime(TimeValue.seconds(1))
                .measurementIterations(rounds).measurementTime(TimeValue.seconds(seconds))
                .verbosity(VerboseMode.SILENT)
                .build();
        new Runner(options).run();

        figures.setProperty("rounds", String.valueOf(rounds));
        figures.setProperty("round.seconds", String.valueOf(seconds));
        System.out.println("[sdk bench] " + rounds + " rounds of " + seconds + " s, calls alternating between the SDK and hand-written code");
        System.out.println("[sdk bench] operation[listener]    SDK p50 us  hand-written p50 us  ratio (median of rounds) [min, max]");
        for (String name : List.of("getBalance[none]", "getWallet[none]", "getBalance[listener]", "getWallet[listener]")) {
            List<double[]> measured = ClientBenchmark.ROUNDS.get(name);
            double[] sdk = measured.stream().mapToDouble(r -> r[0]).toArray();
            double[] hand = measured.stream().mapToDouble(r -> r[1]).toArray();
            double[] ratios = measured.stream().mapToDouble(r -> r[0] / r[1]).sorted().toArray();
            double ratio = median(ratios);
            // Without a listener under the operation's plain name, as the sandbox's benchmark report reads them.
            String key = name.replace("[none]", "").replace("[listener]", ".listener");
            figures.setProperty(key + ".sdk.us", format("%.1f", median(sdk)));
            figures.setProperty(key + ".hand.us", format("%.1f", median(hand)));
            figures.setProperty(key + ".ratio", format("%.3f", ratio));
            figures.setProperty(key + ".ratio.min", format("%.3f", ratios[0]));
            figures.setProperty(key + ".ratio.max", format("%.3f", ratios[ratios.length - 1]));
            System.out.println(format("[sdk bench] %-20s  %10.1f  %19.1f  %.3f [%.3f, %.3f]  goal <= %.2f %s", name,
                    median(sdk), median(hand), ratio, ratios[0], ratios[ratios.length - 1], GOAL,
                    ratio <= GOAL ? "met" : "NOT MET"));
        }
        System.out.println("[sdk bench] (the listener heard " + ClientBenchmark.HEARD.sum() + " in total)");
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
