package com.clickairtime.balance.sandbox.bench;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs wrk, bounded by its duration, and reads its summary. */
final class Wrk {

    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    /** One wrk run: throughput, latency percentiles in ms, and what went wrong. */
    record Result(double requestsPerSecond, long requests, double p50Millis, double p99Millis, long non2xx,
                  long socketErrors, String output) {
    }

    private final String authorization;
    private final int connections;

    Wrk(String authorization, int connections) {
        this.authorization = authorization;
        this.connections = connections;
    }

    static String version() throws IOException, InterruptedException {
        Process wrk;
        try {
            wrk = new ProcessBuilder("wrk", "-v").redirectErrorStream(true).start();
        } catch (IOException missing) {
            throw new IllegalStateException("wrk is not on the PATH: install it (Debian: apt-get install -y wrk)", missing);
        }
        String out = new String(wrk.getInputStream().readAllBytes()).trim();
        wrk.waitFor(5, TimeUnit.SECONDS);
        return out.lines().findFirst().orElse("wrk").replaceAll("\\s*\\[.*", "").trim();
    }

    Result run(String url, int seconds) throws IOException, InterruptedException {
        List<String> command = List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency",
                "-H", "Authorization: " + authorization, url);
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes());
        if (!wrk.waitFor(seconds + 30L, TimeUnit.SECONDS)) {
            wrk.destroyForcibly();
            throw new IllegalStateException("wrk did not finish:\n" + out);
        }
        if (wrk.exitValue() != 0) {
            throw new IllegalStateException("wrk failed (" + wrk.exitValue() + "):\n" + out);
        }
        Matcher socket = SOCKET_ERRORS.matcher(out);
        long socketErrors = 0;
        if (socket.find()) {
            for (int group = 1; group <= 4; group++) {
                socketErrors += Long.parseLong(socket.group(group));
            }
        }
        return new Result(number(RPS, out), (long) number(REQUESTS, out), percentile(out, "50%"), percentile(out, "99%"),
                NON_2XX.matcher(out).find() ? (long) number(NON_2XX, out) : 0, socketErrors, out);
    }

    private static double number(Pattern pattern, String out) {
        Matcher matcher = pattern.matcher(out);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + pattern + " in wrk's output:\n" + out);
        }
        return Double.parseDouble(matcher.group(1));
    }

    /** A line of wrk's latency distribution, e.g. {@code 99%   10.00ms}, in milliseconds. */
    private static double percentile(String out, String which) {
        Matcher matcher = Pattern.compile("^\\s+" + Pattern.quote(which) + "\\s+([\\d.]+)(us|ms|s)\\s*$", Pattern.MULTILINE)
                .matcher(out);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + which + " latency in wrk's output:\n" + out);
        }
        double value = Double.parseDouble(matcher.group(1));
        switch (matcher.group(2)) {
            case "us":
                return value / 1000;
            case "s":
                return value * 1000;
            default:
                return value;
        }
    }
}
