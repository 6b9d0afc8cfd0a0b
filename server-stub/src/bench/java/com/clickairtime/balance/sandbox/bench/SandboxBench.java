package com.clickairtime.balance.sandbox.bench;

import com.clickairtime.balance.openapi.BalanceSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sandbox against the mocks a user already knows, measured side by side in one run:
 * <ol>
 *   <li>start-up: launch to first 200, the plain jar against the class data sharing archive, alternating;</li>
 *   <li>throughput: wrk against the sandbox, WireMock standalone serving the stubs jar, and Prism mocking
 *       the spec, with the same request and key, a warm-up, then rounds in rotating order;</li>
 *   <li>soak: the sandbox alone under load, with RSS, threads and open files before and after.</li>
 * </ol>
 * Every server listens on 127.0.0.1 on a free port and is stopped by its process handle; every load is
 * bounded by wrk's duration. The report, with the SDK's figures when they exist, goes to a Markdown
 * table and a PNG chart.
 */
public final class SandboxBench {

    static final String PATH = "/v2/balance";
    /** WireMock's throughput still rose after 5 s of load, so each server gets twice that before the rounds. */
    static final int WARMUP_SECONDS = 10;

    private SandboxBench() {
    }

    public static void main(String[] arguments) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (String argument : arguments) {
            int eq = argument.indexOf('=');
            args.put(argument.substring(2, eq), argument.substring(eq + 1));
        }
        Path work = Path.of(args.get("work"));
        int rounds = Integer.parseInt(args.get("rounds"));
        int roundSeconds = Integer.parseInt(args.get("round-seconds"));
        int connections = Integer.parseInt(args.get("connections"));
        int soakSeconds = Integer.parseInt(args.get("soak-seconds"));
        int startups = Integer.parseInt(args.get("startups"));

        Report report = new Report();
        report.date = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(Instant.now().atOffset(ZoneOffset.UTC));
        report.cores = Runtime.getRuntime().availableProcessors();
        report.jdk = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        report.loadBefore = loadAverage();
        report.wrk = Wrk.version();
        report.wiremock = "WireMock standalone " + args.get("wiremock-version");
        report.prism = args.get("prism");
        report.rounds = rounds;
        report.roundSeconds = roundSeconds;
        report.connections = connections;
        report.soakSeconds = soakSeconds;
        report.sdk = SdkFigures.read(Path.of(args.get("sdk-figures")));

        // The servers run on this JVM's java, the one the build uses.
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String authorization = "Bearer " + sandboxKey(Path.of(args.get("spec")));
        Wrk wrk = new Wrk(authorization, connections);
        // The documented limit would answer 429 within the first second of load.
        List<String> sandboxArguments = List.of("--server.port={port}", "--server.address=127.0.0.1",
                "--sandbox.rate-limit.requests-per-minute=" + Integer.MAX_VALUE);
        List<String> plain = command(List.of(java, "-jar", args.get("plain-jar")), sandboxArguments);
        // docs/sandbox.md's run command: the extracted jar with its archive, the serial collector and a small heap. On two
        // cores G1 served about a third fewer requests, and without a cap the heap (and RSS) grew to 2 GB.
        List<String> cds = command(List.of(java, "-XX:SharedArchiveFile=" + args.get("cds-archive"), "-XX:+UseSerialGC",
                "-Xmx256m", "-jar", args.get("sandbox-jar")), sandboxArguments);

        log("start-up: %d launches each of the plain jar and the jar with its CDS archive, alternating", startups);
        for (int run = 0; run < startups; run++) {
            for (String variant : run % 2 == 0 ? List.of("plain", "cds") : List.of("cds", "plain")) {
                Path logFile = work.resolve("startup-" + variant + "-" + run + ".log");
                try (Server sandbox = Server.start("sandbox (" + variant + ")", variant.equals("cds") ? cds : plain, logFile)) {
                    Duration firstAnswer = sandbox.awaitFirstAnswer(PATH, authorization, Duration.ofSeconds(60), logFile);
                    double rss = sandbox.rssMegabytes();
                    report.startups.computeIfAbsent(variant, k -> new ArrayList<>()).add(new double[] {firstAnswer.toMillis() / 1000.0, rss});
                    log("  %-5s first answer after %.2f s, RSS %.0f MB", variant, firstAnswer.toMillis() / 1000.0, rss);
                }
            }
        }

        Path wiremockRoot = Path.of(args.get("stubs"));
        if (!Files.isDirectory(wiremockRoot.resolve("mappings"))) {
            throw new IllegalStateException("no stub mappings in " + wiremockRoot + ": run ./mvnw install -DskipTests first");
        }
        Map<String, Server> servers = new LinkedHashMap<>();
        try {
            servers.put("sandbox", Server.start("sandbox", cds, work.resolve("sandbox.log")));
            servers.put("WireMock", Server.start("WireMock", List.of(java, "-jar", args.get("wiremock-jar"),
                    "--port", "{port}", "--bind-address", "127.0.0.1", "--root-dir", wiremockRoot.toString(),
                    "--no-request-journal", "--disable-banner"), work.resolve("wiremock.log")));
            servers.put("Prism", Server.start("Prism", List.of("npx", "--yes", args.get("prism"), "mock",
                    "-h", "127.0.0.1", "-p", "{port}", args.get("spec")), work.resolve("prism.log")));
            for (Server server : servers.values()) {
                // Prism's first start may include npx fetching it.
                server.awaitFirstAnswer(PATH, authorization, Duration.ofSeconds(180), work.resolve(logName(server)));
            }
            Server sandbox = servers.get("sandbox");
            Thread.sleep(2_000);
            report.rssIdle = sandbox.rssMegabytes();
            report.threadsIdle = sandbox.threads();

            log("warm-up: %d s of wrk per server", WARMUP_SECONDS);
            for (Server server : servers.values()) {
                wrk.run(server.url(PATH), WARMUP_SECONDS);
            }
            report.rssAfterWarmup = sandbox.rssMegabytes();

            List<String> names = new ArrayList<>(servers.keySet());
            for (int round = 0; round < rounds; round++) {
                Map<String, Wrk.Result> thisRound = new HashMap<>();
                for (int i = 0; i < names.size(); i++) {
                    String name = names.get((round + i) % names.size());
                    Server server = servers.get(name);
                    AtomicReference<Double> peak = new AtomicReference<>(0.0);
                    Thread sampler = server == sandbox ? sampleRss(server, peak) : null;
                    double cpuBefore = server.cpuSeconds();
                    long started = System.nanoTime();
                    Wrk.Result result = wrk.run(server.url(PATH), roundSeconds);
                    double elapsed = (System.nanoTime() - started) / 1e9;
                    double cpu = (server.cpuSeconds() - cpuBefore) / elapsed * 100;
                    if (sampler != null) {
                        sampler.interrupt();
                        sampler.join();
                        report.rssUnderLoad = Math.max(report.rssUnderLoad, peak.get());
                    }
                    report.rounds(name).add(new Report.Round(result, cpu));
                    thisRound.put(name, result);
                    log("  round %d/%d %-8s %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  non-2xx %d  socket errors %d  CPU %3.0f %%",
                            round + 1, rounds, name, result.requestsPerSecond(), result.p50Millis(), result.p99Millis(),
                            result.non2xx(), result.socketErrors(), cpu);
                }
                report.wiremockRatios.add(thisRound.get("sandbox").requestsPerSecond() / thisRound.get("WireMock").requestsPerSecond());
                report.prismRatios.add(thisRound.get("sandbox").requestsPerSecond() / thisRound.get("Prism").requestsPerSecond());
            }
            servers.remove("WireMock").close();
            servers.remove("Prism").close();

            log("soak: %d s of wrk at %d connections against the sandbox alone", soakSeconds, connections);
            Thread.sleep(1_000);
            report.threadsBeforeSoak = sandbox.threads();
            report.openFilesBeforeSoak = sandbox.openFiles();
            report.soak = wrk.run(sandbox.url(PATH), soakSeconds);
            Thread.sleep(1_000);
            report.rssAfterSoak = sandbox.rssMegabytes();
            report.threadsAfterSoak = sandbox.threads();
            report.openFilesAfterSoak = sandbox.openFiles();
            log("  %8.0f req/s  non-2xx %d  socket errors %d  RSS %.0f MB (after warm-up %.0f MB)",
                    report.soak.requestsPerSecond(), report.soak.non2xx(), report.soak.socketErrors(),
                    report.rssAfterSoak, report.rssAfterWarmup);
        } finally {
            servers.values().forEach(Server::close);
        }
        report.loadAfter = loadAverage();

        Path markdown = Path.of(args.get("report"));
        Path chart = markdown.resolveSibling("benchmarks.png");
        report.write(markdown, chart);
        System.out.println();
        System.out.println(Files.readString(markdown));
        log("report written to %s and %s", markdown, chart);
    }

    private static String logName(Server server) {
        return server.name.toLowerCase() + ".log";
    }

    private static List<String> command(List<String> start, List<String> end) {
        List<String> all = new ArrayList<>(start);
        all.addAll(end);
        return all;
    }

    /** The key the spec names for the sandbox's demo account: the request every server gets. */
    static String sandboxKey(Path spec) {
        return BalanceSpec.read(spec).defaultSandboxKey()
                .orElseThrow(() -> new IllegalStateException("the spec names no x-sandbox-api-key"));
    }

    private static Thread sampleRss(Server server, AtomicReference<Double> peak) {
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(server.rssMegabytes(), Math::max);
                try {
                    TimeUnit.MILLISECONDS.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        return sampler;
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    static void log(String format, Object... values) {
        System.out.println("[sandbox bench] " + String.format(java.util.Locale.ROOT, format, values));
    }
}
