package com.clickairtime.balance.client.network;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A loopback HTTP server that answers every request with one JSON body after a fixed delay, holding any number of
 * requests at once on two threads of its own (the dispatcher and one timer), both started before it returns: so a
 * count of the threads a client starts against it counts the client's alone.
 */
public final class DelayingServer implements AutoCloseable {

    private final HttpServer server;
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);

    public DelayingServer(String body, Duration delay) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        timer.prestartAllCoreThreads();
        // Without TCP_NODELAY, Nagle and delayed ACK add about 40 ms to an answer; the JDK's server reads this once.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        // It keeps 200 idle connections by default and closes the rest as each burst ends, so a client's next burst
        // would open 800 of its 1,000 again: a limit of this server's, not a cost of the client under test.
        System.setProperty("sun.net.httpserver.maxIdleConnections", "4096");
        // A backlog for a thousand connections arriving at once; the system's default would refuse most of them.
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
        server.createContext("/", exchange -> timer.schedule(() -> answer(exchange, bytes), delay.toNanos(), TimeUnit.NANOSECONDS));
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, byte[] body) {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        timer.shutdownNow();
    }
}
