package com.clickairtime.balance.sandbox.bench;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/** Every figure of one run, written as a Markdown table with its goals and as a PNG chart. */
final class Report {

    static final double SDK_GOAL = 1.05;
    static final int ASYNC_THREADS_GOAL = 20;
    static final double ASYNC_P99_GOAL = 2;
    static final double WIREMOCK_GOAL = 1.5;
    static final double PRISM_GOAL = 7;
    static final double FIRST_ANSWER_GOAL_SECONDS = 2.5;
    static final double RSS_GROWTH_GOAL = 0.10;
    /** Tomcat may keep or retire a worker or two between samples; more than that is growth. */
    static final long FLAT_TOLERANCE = 2;

    record Round(Wrk.Result result, double cpuPercent) {
    }

    String date;
    int cores;
    String jdk;
    String loadBefore;
    String loadAfter;
    String wrk;
    String wiremock;
    String prism;
    int rounds;
    int roundSeconds;
    int connections;
    int soakSeconds;
    Optional<SdkFigures> sdk;
    final Map<String, List<double[]>> startups = new LinkedHashMap<>();
    private final Map<String, List<Round>> byServer = new LinkedHashMap<>();
    final List<Double> wiremockRatios = new ArrayList<>();
    final List<Double> prismRatios = new ArrayList<>();
    double rssIdle;
    long threadsIdle;
    double rssUnderLoad;
    double rssAfterWarmup;
    double rssAfterSoak;
    long threadsBeforeSoak;
    long threadsAfterSoak;
    long openFilesBeforeSoak;
    long openFilesAfterSoak;
    Wrk.Result soak;

    List<Round> rounds(String server) {
        return byServer.computeIfAbsent(server, k -> new ArrayList<>());
    }

    private double median(String server, ToDoubleFunction<Round> figure) {
        return median(byServer.get(server).stream().mapToDouble(figure).toArray());
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static double median(List<Double> values) {
        return median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private double min(String server) {
        return byServer.get(server).stream().mapToDouble(r -> r.result().requestsPerSecond()).min().orElse(0);
    }

    private double max(String server) {
        return byServer.get(server).stream().mapToDouble(r -> r.result().requestsPerSecond()).max().orElse(0);
    }

    private static String verdict(boolean met) {
        return met ? "met" : "**not met**";
    }

    private static String f(String format, Object... values) {
        return String.format(Locale.ROOT, format, values);
    }

    void write(Path markdown, Path chart) throws IOException {
        Files.createDirectories(markdown.toAbsolutePath().getParent());
        Files.writeString(markdown, markdown(chart.getFileName().toString()));
        ImageIO.write(chart(), "png", chart.toFile());
    }

    private String markdown(String chartName) {
        StringBuilder md = new StringBuilder();
        md.append(f("Measured %s on %d cores, %s; load average %s before and %s after (other builds share the machine). "
                        + "%s, %s, Prism `%s`.%n%n", date, cores, jdk, loadBefore, loadAfter, wrk, wiremock, prism));
        md.append("| figure | measured | goal | |\n|---|---|---|---|\n");
        if (sdk.isPresent()) {
            SdkFigures s = sdk.get();
            for (String operation : List.of("getBalance", "getWallet")) {
                double ratio = s.number(operation + ".ratio");
                md.append(f("| SDK `%s`: `BalanceClient` / hand-written `java.net.http` + Jackson (median call, median of %s rounds) "
                                + "| %.3f (rounds %s to %s; %s µs against %s µs) | ≤ %.2f | %s |%n", operation, s.get("rounds"),
                        ratio, s.get(operation + ".ratio.min"), s.get(operation + ".ratio.max"), s.get(operation + ".sdk.us"),
                        s.get(operation + ".hand.us"), SDK_GOAL, verdict(ratio <= SDK_GOAL)));
            }
            if (s.has("async.scenarios")) {
                for (String scenario : s.get("async.scenarios").split(",")) {
                    String key = "async." + scenario;
                    boolean defaults = scenario.startsWith("defaults");
                    long threads = Long.parseLong(s.get(key + ".threads.started"));
                    double p99 = s.number(key + ".p99.ratio");
                    md.append(f("| SDK async, %s calls in flight, answers held %s ms, %s, JDK %s (%s): new platform threads (peak live); "
                                    + "p99 / single call (medians of %s rounds) | %d (%s); %.2f (p50 %s ms, p99 %s ms, single %s ms, wall %s ms%s) "
                                    + "| %s | %s |%n", s.get("async.calls"), s.get("async.delay.ms"),
                            defaults ? "SDK defaults" : "caller's executor", s.get(key + ".jdk").split("[+.]")[0], s.get(key + ".mode"),
                            s.get("async.rounds"), threads, s.get(key + ".threads.peak"), p99, s.get(key + ".p50.ms"),
                            s.get(key + ".p99.ms"), s.get(key + ".single.p50.ms"), s.get(key + ".wall.ms"),
                            "0".equals(s.get(key + ".failed")) ? "" : ", " + s.get(key + ".failed") + " failed",
                            defaults ? f("≤ %d; ≤ %.0f (quiet machine)", ASYNC_THREADS_GOAL, ASYNC_P99_GOAL) : "side by side",
                            defaults ? verdict(threads <= ASYNC_THREADS_GOAL) + "; " + verdict(p99 <= ASYNC_P99_GOAL) : ""));
                }
            }
        } else {
            md.append("| SDK / hand-written call | not measured in this run (`-pl client,server-stub`) | ≤ 1.05 | |\n");
        }
        double wiremockRatio = median(wiremockRatios);
        double prismRatio = median(prismRatios);
        md.append(f("| throughput, sandbox / WireMock (median of per-round ratios) | %.2f (rounds %.2f to %.2f) | ≥ %.1f | %s |%n",
                wiremockRatio, min(wiremockRatios), max(wiremockRatios), WIREMOCK_GOAL, verdict(wiremockRatio >= WIREMOCK_GOAL)));
        md.append(f("| throughput, sandbox / Prism (median of per-round ratios) | %.1f (rounds %.1f to %.1f) | ≥ %.0f | %s |%n",
                prismRatio, min(prismRatios), max(prismRatios), PRISM_GOAL, verdict(prismRatio >= PRISM_GOAL)));
        double sandboxP99 = median("sandbox", r -> r.result().p99Millis());
        double wiremockP99 = median("WireMock", r -> r.result().p99Millis());
        md.append(f("| p99 at %d connections, sandbox against WireMock (medians) | %.2f ms against %.2f ms | at or below | %s |%n",
                connections, sandboxP99, wiremockP99, verdict(sandboxP99 <= wiremockP99)));
        double cdsStart = medianStart("cds");
        md.append(f("| launch to first answer, with the CDS archive (median of %d) | %.2f s (plain jar: %.2f s) | ≤ %.1f s | %s |%n",
                startups.get("cds").size(), cdsStart, medianStart("plain"), FIRST_ANSWER_GOAL_SECONDS,
                verdict(cdsStart <= FIRST_ANSWER_GOAL_SECONDS)));
        md.append(f("| soak, %d s at %d connections: non-2xx, socket errors | %d, %d (%.0f req/s) | 0, 0 | %s |%n",
                soakSeconds, connections, soak.non2xx(), soak.socketErrors(), soak.requestsPerSecond(),
                verdict(soak.non2xx() == 0 && soak.socketErrors() == 0)));
        double growth = rssAfterSoak / rssAfterWarmup - 1;
        md.append(f("| RSS after the soak against after the warm-up | %.0f MB against %.0f MB (%+.1f %%) | within 10 %% | %s |%n",
                rssAfterSoak, rssAfterWarmup, growth * 100, verdict(Math.abs(growth) <= RSS_GROWTH_GOAL)));
        boolean flat = Math.abs(threadsAfterSoak - threadsBeforeSoak) <= FLAT_TOLERANCE
                && Math.abs(openFilesAfterSoak - openFilesBeforeSoak) <= FLAT_TOLERANCE;
        md.append(f("| threads, open files: before the soak → after | %d → %d, %d → %d | flat (± %d) | %s |%n",
                threadsBeforeSoak, threadsAfterSoak, openFilesBeforeSoak, openFilesAfterSoak, FLAT_TOLERANCE, verdict(flat)));

        md.append(f("%n`GET /v2/balance` with the sandbox key of the spec, %d connections, 2 wrk threads; %d rounds of %d s "
                + "after %d s of warm-up each, in rotating order. CPU is the server's (and its child processes') "
                + "CPU time over the round, in %% of one core.%n%n", connections, rounds, roundSeconds, SandboxBench.WARMUP_SECONDS));
        md.append("| server | req/s (median) | spread (min to max) | p50 | p99 | non-2xx | socket errors | server CPU |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        for (String server : byServer.keySet()) {
            long non2xx = byServer.get(server).stream().mapToLong(r -> r.result().non2xx()).sum();
            long socketErrors = byServer.get(server).stream().mapToLong(r -> r.result().socketErrors()).sum();
            md.append(f("| %s | %.0f | %.0f to %.0f | %.2f ms | %.2f ms | %d | %d | %.0f %% |%n", label(server),
                    median(server, r -> r.result().requestsPerSecond()), min(server), max(server),
                    median(server, r -> r.result().p50Millis()), median(server, r -> r.result().p99Millis()), non2xx,
                    socketErrors, median(server, Round::cpuPercent)));
        }
        md.append(f("%n| sandbox start-up | launch to first 200 (median) | each run | RSS at first answer (median) |%n|---|---|---|---|%n"));
        for (Map.Entry<String, List<double[]>> variant : startups.entrySet()) {
            StringBuilder runs = new StringBuilder();
            for (double[] run : variant.getValue()) {
                runs.append(runs.length() == 0 ? "" : ", ").append(f("%.2f s", run[0]));
            }
            md.append(f("| %s | %.2f s | %s | %.0f MB |%n", variant.getKey().equals("cds")
                            ? "`java -XX:SharedArchiveFile=… -XX:+UseSerialGC -Xmx256m -jar` (CDS archive)" : "`java -jar` (plain jar)",
                    medianStart(variant.getKey()), runs,
                    median(variant.getValue().stream().mapToDouble(run -> run[1]).toArray())));
        }
        md.append(f("%nSandbox RSS: %.0f MB idle (%d threads), %.0f MB at most under load, %.0f MB after the warm-up, "
                + "%.0f MB after the soak.%n%n", rssIdle, threadsIdle, rssUnderLoad, rssAfterWarmup, rssAfterSoak));
        md.append("![Throughput and p99 latency of the sandbox, WireMock and Prism](").append(chartName).append(")\n");
        return md.toString();
    }

    private static String label(String server) {
        switch (server) {
            case "WireMock":
                return "WireMock standalone, stubs jar";
            case "Prism":
                return "Prism mock of the spec";
            default:
                return "sandbox (docs/sandbox.md's run command)";
        }
    }

    private double medianStart(String variant) {
        return median(startups.get(variant).stream().mapToDouble(run -> run[0]).toArray());
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    private static final Color[] COLOURS = {new Color(0x2e7d32), new Color(0x1565c0), new Color(0xef6c00)};

    private BufferedImage chart() {
        int width = 1100;
        int height = 450;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
        g.drawString(f("GET /v2/balance, %d connections, %d rounds of %d s (%s, %d cores)", connections, rounds,
                roundSeconds, date, cores), 30, 32);
        List<String> servers = new ArrayList<>(byServer.keySet());
        double[] rps = servers.stream().mapToDouble(s -> median(s, r -> r.result().requestsPerSecond())).toArray();
        double[] low = servers.stream().mapToDouble(this::min).toArray();
        double[] high = servers.stream().mapToDouble(this::max).toArray();
        double[] p99 = servers.stream().mapToDouble(s -> median(s, r -> r.result().p99Millis())).toArray();
        panel(g, 30, 60, 500, 380, "Throughput, requests/s (median; bars: min to max)", servers, rps, low, high, "%.0f");
        panel(g, 570, 60, 500, 380, "p99 latency, ms (median; lower is better)", servers, p99, null, null, "%.2f");
        g.dispose();
        return image;
    }

    private static void panel(Graphics2D g, int x, int y, int w, int h, String title, List<String> labels, double[] values,
                              double[] low, double[] high, String format) {
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.setColor(Color.DARK_GRAY);
        g.drawString(title, x, y);
        int top = y + 25;
        int bottom = y + h - 40;
        double scale = Arrays.stream(high == null ? values : high).max().orElse(1) * 1.15;
        g.setColor(new Color(0xbdbdbd));
        g.drawLine(x, bottom, x + w, bottom);
        int slot = w / labels.size();
        int bar = slot / 2;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        FontMetrics metrics = g.getFontMetrics();
        for (int i = 0; i < labels.size(); i++) {
            int barX = x + i * slot + (slot - bar) / 2;
            int barTop = bottom - (int) Math.round(values[i] / scale * (bottom - top));
            g.setColor(COLOURS[i % COLOURS.length]);
            g.fillRect(barX, barTop, bar, bottom - barTop);
            if (high != null) {
                int whiskerTop = bottom - (int) Math.round(high[i] / scale * (bottom - top));
                int whiskerBottom = bottom - (int) Math.round(low[i] / scale * (bottom - top));
                int middle = barX + bar / 2;
                g.setColor(Color.BLACK);
                g.setStroke(new BasicStroke(1.5f));
                g.drawLine(middle, whiskerTop, middle, whiskerBottom);
                g.drawLine(middle - 8, whiskerTop, middle + 8, whiskerTop);
                g.drawLine(middle - 8, whiskerBottom, middle + 8, whiskerBottom);
            }
            g.setColor(Color.BLACK);
            String value = f(format, values[i]);
            int valueY = Math.min(barTop, high == null ? barTop : bottom - (int) Math.round(high[i] / scale * (bottom - top))) - 6;
            g.drawString(value, barX + (bar - metrics.stringWidth(value)) / 2, valueY);
            String label = labels.get(i);
            g.drawString(label, x + i * slot + (slot - metrics.stringWidth(label)) / 2, bottom + 20);
        }
    }
}
