package com.clickairtime.balance.sandbox.ratelimit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's {@code redis-server}, started on a free loopback port and stopped by its process id.
 * Where it is not installed the test is skipped with a message saying so; under {@code CI=true},
 * where .ci/run installs it, that is a failure.
 */
final class RealRedis implements AutoCloseable {

    final int port;
    private final Path server;
    private final List<String> flags;
    private final Path log;
    private Process process;

    private RealRedis(Path server, List<String> flags, int port, Path log) {
        this.server = server;
        this.flags = flags;
        this.port = port;
        this.log = log;
    }

    /** Starts redis-server with these flags, its {@code --port} replaced by a free one, bound to loopback only. */
    static RealRedis start(List<String> flags, Path directory) throws IOException, InterruptedException {
        Path server = installed();
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        List<String> resolved = new ArrayList<>(flags);
        int index = resolved.indexOf("--port");
        if (index < 0) {
            resolved.addAll(List.of("--port", ""));
            index = resolved.size() - 2;
        }
        resolved.set(index + 1, Integer.toString(port));
        resolved.addAll(List.of("--bind", "127.0.0.1"));
        RealRedis redis = new RealRedis(server, resolved, port, Files.createTempFile(directory, "redis", ".log"));
        redis.start();
        return redis;
    }

    private static Path installed() {
        Optional<Path> found = Stream.concat(
                        Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)),
                        Stream.of("/usr/bin", "/usr/sbin", "/usr/local/bin"))
                .filter(dir -> !dir.isEmpty()).map(dir -> Path.of(dir, "redis-server")).filter(Files::isExecutable)
                .findFirst();
        if (found.isEmpty()) {
            String missing = "redis-server is not installed (apt-get install -y redis-server); "
                    + "the shared rate limits are not proven against a real Redis";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(missing + ", and CI=true");
            }
            // Also in the build's output, where a skipped test's reason is not shown.
            System.err.println("SKIPPED: " + missing);
            Assumptions.abort(missing);
        }
        return found.get();
    }

    /** Starts it (again), on the same port, and waits for its PONG. */
    void start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(server.toString()));
        command.addAll(flags);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!answersPing()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("redis-server did not start: " + Files.readString(log));
            }
            Thread.sleep(50);
        }
    }

    /** Stopped by its process id, as an operator would. */
    void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroy);
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        process = null;
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    private boolean answersPing() {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(1_000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readNBytes(7), StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException notYet) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
