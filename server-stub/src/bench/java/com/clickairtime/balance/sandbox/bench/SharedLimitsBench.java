package com.clickairtime.balance.sandbox.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rate limits in Redis against the in-memory ones, side by side in one run: four sandboxes
 * (two per store) and one Debian {@code redis-server}, all on 127.0.0.1 on free ports, loaded by
 * {@link RoundRobinLoad} in rotating order: one replica alone, and two replicas behind the
 * client's round-robin. Then a soak of the two Redis replicas, with each replica's RSS, threads
 * and open files and Redis's client connections before and after. Every server is stopped by its
 * process handle; every load is bounded by its duration. Without {@code redis-server} the report
 * says so and nothing is measured.
 */
public final class SharedLimitsBench {

    private static final int WARMUP_SECONDS = 5;
    private static final List<String> SCENARIOS = List.of("memory, 1 replica", "redis, 1 replica",
            "memory, 2 replicas (round-robin)", "redis, 2 replicas (round-robin)");

    private SharedLimitsBench() {
    }

    public static void main(String[] arguments) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (String argument : arguments) {
            int eq = argument.indexOf('=');
            args.put(argument.substring(2, eq), argument.substring(eq + 1));
        }
        Path work = Path.of(args.get("work"));
        Path markdown = Path.of(args.get("report"));
        int rounds = Integer.parseInt(args.get("rounds"));
        int roundSeconds = Integer.parseInt(args.get("round-seconds"));
        int connections = Integer.parseInt(args.get("connections"));
        int soakSeconds = Integer.parseInt(args.get("soak-seconds"));
        Files.createDirectories(markdown.toAbsolutePath().getParent());

        Path redisServer = Path.of(args.get("redis-server"));
        if (!Files.isExecutable(redisServer)) {
            Files.writeString(markdown, "Shared limits not measured: " + redisServer
                    + " is not installed (apt-get install -y redis-server).\n");
            log("no %s: nothing measured", redisServer);
            return;
        }
        String date = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(Instant.now().atOffset(ZoneOffset.UTC));
        String loadBefore = SandboxBench.loadAverage();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String authorization = "Bearer " + SandboxBench.sandboxKey(Path.of(args.get("spec")));
        RoundRobinLoad load = new RoundRobinLoad(authorization, connections);

        List<Server> started = new ArrayList<>();
        try {
            Server redis = Server.start("redis", List.of(redisServer.toString(), "--port", "{port}", "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no"), work.resolve("shared-redis.log"));
            started.add(redis);
            awaitPong(redis.port);
            // docs/sandbox.md's run command, with the limit out of reach: the figures are the store's cost, not 429s.
            List<String> sandbox = List.of(java, "-XX:SharedArchiveFile=" + args.get("cds-archive"), "-XX:+UseSerialGC",
                    "-Xmx256m", "-jar", args.get("sandbox-jar"), "--server.port={port}", "--server.address=127.0.0.1",
                    "--sandbox.rate-limit.requests-per-minute=" + Integer.MAX_VALUE);
            List<String> inRedis = new ArrayList<>(sandbox);
            inRedis.addAll(List.of("--sandbox.rate-limit.store=redis",
                    "--sandbox.rate-limit.redis-url=redis://127.0.0.1:" + redis.port));
            Map<String, Server> replicas = new LinkedHashMap<>();
            for (String name : List.of("memory-a", "memory-b", "redis-a", "redis-b")) {
                Server replica = Server.start(name, name.startsWith("redis") ? inRedis : sandbox,
                        work.resolve("shared-" + name + ".log"));
                started.add(replica);
                replicas.put(name, replica);
            }
            for (Server replica : replicas.values()) {
                replica.awaitFirstAnswer(SandboxBench.PATH, authorization, Duration.ofSeconds(120),
                        work.resolve("shared-" + replica.name + ".log"));
            }
            Map<String, List<String>> targets = new LinkedHashMap<>();
            targets.put(SCENARIOS.get(0), List.of(replicas.get("memory-a").url(SandboxBench.PATH)));
            targets.put(SCENARIOS.get(1), List.of(replicas.get("redis-a").url(SandboxBench.PATH)));
            targets.put(SCENARIOS.get(2), List.of(replicas.get("memory-a").url(SandboxBench.PATH),
                    replicas.get("memory-b").url(SandboxBench.PATH)));
            targets.put(SCENARIOS.get(3), List.of(replicas.get("redis-a").url(SandboxBench.PATH),
                    replicas.get("redis-b").url(SandboxBench.PATH)));

            log("warm-up: %d s per scenario", WARMUP_SECONDS);
            for (List<String> urls : targets.values()) {
                load.run(urls, WARMUP_SECONDS);
            }
            Map<String, List<RoundRobinLoad.Result>> results = new LinkedHashMap<>();
            List<Double> oneRatios = new ArrayList<>();
            List<Double> twoRatios = new ArrayList<>();
            List<Double> oneP99Ratios = new ArrayList<>();
            List<Double> twoP99Ratios = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                Map<String, RoundRobinLoad.Result> thisRound = new HashMap<>();
                for (int i = 0; i < SCENARIOS.size(); i++) {
                    String scenario = SCENARIOS.get((round + i) % SCENARIOS.size());
                    RoundRobinLoad.Result result = load.run(targets.get(scenario), roundSeconds);
                    thisRound.put(scenario, result);
                    results.computeIfAbsent(scenario, k -> new ArrayList<>()).add(result);
                    log("  round %d/%d %-34s %7.0f req/s  p50 %6.2f ms  p99 %6.2f ms  non-2xx %d  failures %d",
                            round + 1, rounds, scenario, result.requestsPerSecond(), result.p50Millis(),
                            result.p99Millis(), result.non2xx(), result.failures());
                }
                oneRatios.add(thisRound.get(SCENARIOS.get(1)).requestsPerSecond() / thisRound.get(SCENARIOS.get(0)).requestsPerSecond());
                twoRatios.add(thisRound.get(SCENARIOS.get(3)).requestsPerSecond() / thisRound.get(SCENARIOS.get(2)).requestsPerSecond());
                oneP99Ratios.add(thisRound.get(SCENARIOS.get(1)).p99Millis() / thisRound.get(SCENARIOS.get(0)).p99Millis());
                twoP99Ratios.add(thisRound.get(SCENARIOS.get(3)).p99Millis() / thisRound.get(SCENARIOS.get(2)).p99Millis());
            }

            log("soak: %d s of round-robin load on the two Redis replicas", soakSeconds);
            Server a = replicas.get("redis-a");
            Server b = replicas.get("redis-b");
            Thread.sleep(1_000);
            long[] before = {Math.round(a.rssMegabytes()), a.threads(), a.openFiles(), Math.round(b.rssMegabytes()), b.threads(),
                    b.openFiles(), redisInfo(redis.port, "connected_clients"), redisInfo(redis.port, "used_memory") / 1024};
            RoundRobinLoad.Result soak = load.run(targets.get(SCENARIOS.get(3)), soakSeconds);
            Thread.sleep(1_000);
            long[] after = {Math.round(a.rssMegabytes()), a.threads(), a.openFiles(), Math.round(b.rssMegabytes()), b.threads(),
                    b.openFiles(), redisInfo(redis.port, "connected_clients"), redisInfo(redis.port, "used_memory") / 1024};
            log("  %7.0f req/s  non-2xx %d  failures %d", soak.requestsPerSecond(), soak.non2xx(), soak.failures());

            StringBuilder md = new StringBuilder();
            md.append(f("Measured %s on %d cores; load average %s before and %s after (other builds share the machine). "
                            + "`GET %s` with the spec's sandbox key, %d workers of the bench's own client, %d rounds of %d s "
                            + "after %d s of warm-up each, in rotating order.%n%n", date,
                    Runtime.getRuntime().availableProcessors(), loadBefore, SandboxBench.loadAverage(), SandboxBench.PATH,
                    connections, rounds, roundSeconds, WARMUP_SECONDS));
            md.append("| figure | median of per-round ratios | rounds |\n|---|---|---|\n");
            md.append(f("| throughput, Redis / memory, 1 replica | %.2f | %s |%n", Report.median(array(oneRatios)), list(oneRatios)));
            md.append(f("| p99, Redis / memory, 1 replica | %.2f | %s |%n", Report.median(array(oneP99Ratios)), list(oneP99Ratios)));
            md.append(f("| throughput, Redis / memory, 2 replicas (round-robin) | %.2f | %s |%n", Report.median(array(twoRatios)),
                    list(twoRatios)));
            md.append(f("| p99, Redis / memory, 2 replicas (round-robin) | %.2f | %s |%n", Report.median(array(twoP99Ratios)),
                    list(twoP99Ratios)));
            md.append("\n| scenario | req/s (median) | p50 (median) | p99 (median) | non-2xx | failures |\n|---|---|---|---|---|---|\n");
            for (String scenario : SCENARIOS) {
                List<RoundRobinLoad.Result> runs = results.get(scenario);
                md.append(f("| %s | %.0f | %.2f ms | %.2f ms | %d | %d |%n", scenario,
                        Report.median(runs.stream().mapToDouble(RoundRobinLoad.Result::requestsPerSecond).toArray()),
                        Report.median(runs.stream().mapToDouble(RoundRobinLoad.Result::p50Millis).toArray()),
                        Report.median(runs.stream().mapToDouble(RoundRobinLoad.Result::p99Millis).toArray()),
                        runs.stream().mapToLong(RoundRobinLoad.Result::non2xx).sum(),
                        runs.stream().mapToLong(RoundRobinLoad.Result::failures).sum()));
            }
            md.append(f("%nSoak, %d s on the two Redis replicas (%.0f req/s, %d non-2xx, %d failures), before → after:%n%n",
                    soakSeconds, soak.requestsPerSecond(), soak.non2xx(), soak.failures()));
            md.append("| | RSS | threads | open files |\n|---|---|---|---|\n");
            md.append(f("| replica a | %d → %d MB | %d → %d | %d → %d |%n", before[0], after[0], before[1], after[1], before[2], after[2]));
            md.append(f("| replica b | %d → %d MB | %d → %d | %d → %d |%n", before[3], after[3], before[4], after[4], before[5], after[5]));
            md.append(f("%nRedis: %d → %d client connections (one per replica, and this report's own), %d → %d KB used.%n",
                    before[6], after[6], before[7], after[7]));
            Files.writeString(markdown, md.toString());
            System.out.println();
            System.out.println(md);
            log("report written to %s", markdown);
        } finally {
            started.forEach(Server::close);
        }
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String list(List<Double> values) {
        return String.join(", ", values.stream().map(value -> f("%.2f", value)).toList());
    }

    private static void awaitPong(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try {
                if (command(port, "PING").startsWith("+PONG")) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("redis-server did not answer PING within 10 s");
    }

    /** A field of Redis's INFO, asked on a connection of its own (which INFO then counts). */
    private static long redisInfo(int port, String field) throws IOException {
        Matcher value = Pattern.compile("(?m)^" + field + ":(\\d+)").matcher(command(port, "INFO"));
        if (!value.find()) {
            throw new IllegalStateException("INFO has no " + field);
        }
        return Long.parseLong(value.group(1));
    }

    private static String command(int port, String command) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(2_000);
            OutputStream out = socket.getOutputStream();
            out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder reply = new StringBuilder();
            byte[] buffer = new byte[8192];
            int read;
            // A simple reply is one line; a bulk one ($length) is read until it is complete.
            while ((read = in.read(buffer)) > 0) {
                reply.append(new String(buffer, 0, read, StandardCharsets.US_ASCII));
                String text = reply.toString();
                if (text.startsWith("+") || text.startsWith("-")) {
                    if (text.endsWith("\r\n")) {
                        break;
                    }
                } else if (text.startsWith("$")) {
                    int header = text.indexOf("\r\n");
                    if (header > 0 && text.length() >= header + 2 + Integer.parseInt(text.substring(1, header)) + 2) {
                        break;
                    }
                }
            }
            return reply.toString();
        }
    }

    private static String f(String format, Object... values) {
        return String.format(Locale.ROOT, format, values);
    }

    static void log(String format, Object... values) {
        System.out.println("[shared limits bench] " + String.format(Locale.ROOT, format, values));
    }
}
