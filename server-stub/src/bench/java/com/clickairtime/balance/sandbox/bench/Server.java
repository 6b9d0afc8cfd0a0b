package com.clickairtime.balance.sandbox.bench;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A server this benchmark started: on 127.0.0.1, on a port that was free, its output in a file, and
 * stopped by its own process handle (with the processes it started, for npx). Its CPU time, RSS, threads
 * and open files come from /proc.
 */
final class Server implements AutoCloseable {

    private static final long CLOCK_TICKS = clockTicks();

    final String name;
    final int port;
    private final Process process;
    private final long launchedNanos;

    private Server(String name, int port, Process process, long launchedNanos) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.launchedNanos = launchedNanos;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Starts {@code command}, in which {@code {port}} stands for the free port chosen. */
    static Server start(String name, List<String> command, Path log) throws IOException {
        int port = freePort();
        List<String> resolved = new ArrayList<>();
        for (String part : command) {
            resolved.add(part.replace("{port}", String.valueOf(port)));
        }
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(resolved).redirectErrorStream(true).redirectOutput(log.toFile());
        long launched = System.nanoTime();
        Process process = builder.start();
        Server server = new Server(name, port, process, launched);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        return server;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /**
     * Waits until the server answers {@code path} with 200 and returns the time from launch to that answer.
     * Anything else than a 200 within the limit is an error, with the end of the server's log.
     */
    Duration awaitFirstAnswer(String path, String authorization, Duration limit, Path log) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(5))
                .header("Authorization", authorization).GET().build();
        long deadline = launchedNanos + limit.toNanos();
        int lastStatus = -1;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail(log));
            }
            try {
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                long answered = System.nanoTime();
                if (response.statusCode() == 200) {
                    return Duration.ofNanos(answered - launchedNanos);
                }
                lastStatus = response.statusCode();
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException(name + " gave no 200 for " + path + " within " + limit.toSeconds() + " s (last status "
                + lastStatus + "):\n" + tail(log));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    private Stream<ProcessHandle> tree() {
        return Stream.concat(Stream.of(process.toHandle()), process.descendants()).filter(ProcessHandle::isAlive);
    }

    /** User plus system CPU time of the server and its child processes, in seconds. */
    double cpuSeconds() {
        return tree().mapToLong(p -> cpuTicks(p.pid())).sum() / (double) CLOCK_TICKS;
    }

    /** Resident memory of the server and its child processes, in MB. */
    double rssMegabytes() {
        return tree().mapToLong(p -> statusField(p.pid(), "VmRSS:")).sum() / 1024.0;
    }

    long threads() {
        return tree().mapToLong(p -> statusField(p.pid(), "Threads:")).sum();
    }

    long openFiles() {
        return tree().mapToLong(p -> {
            File[] fds = new File("/proc/" + p.pid() + "/fd").listFiles();
            return fds == null ? 0 : fds.length;
        }).sum();
    }

    private static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // Fields after the command name, which is in parentheses and may contain spaces.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    private static long statusField(long pid, String field) {
        try {
            Optional<String> line = Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(l -> l.startsWith(field)).findFirst();
            return line.map(l -> Long.parseLong(l.substring(field.length()).trim().split("\\s+")[0])).orElse(0L);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
            String out = new String(getconf.getInputStream().readAllBytes()).trim();
            getconf.waitFor(5, TimeUnit.SECONDS);
            return Long.parseLong(out);
        } catch (IOException | RuntimeException | InterruptedException e) {
            return 100;
        }
    }

    /** Stops the server and whatever it started, by their process handles; forcibly after 10 s. */
    @Override
    public void close() {
        List<ProcessHandle> all = new ArrayList<>();
        process.descendants().forEach(all::add);
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : all) {
            try {
                handle.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception stillAlive) {
                handle.destroyForcibly();
            }
        }
    }
}
