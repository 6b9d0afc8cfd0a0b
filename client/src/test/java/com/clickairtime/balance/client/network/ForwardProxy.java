package com.clickairtime.balance.client.network;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-process HTTP forward proxy on loopback: it takes the absolute-form requests the JDK sends to a proxy
 * for {@code http://} targets, optionally demands Basic proxy credentials (407), forwards the rest and counts.
 */
public final class ForwardProxy implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "http2-settings", "proxy-authorization", "proxy-connection", "keep-alive", "te", "transfer-encoding");

    /** The request lines received, e.g. {@code GET http://127.0.0.1:1234/v2/balance}, 407s included. */
    public final List<String> received = new CopyOnWriteArrayList<>();
    /** The requests forwarded upstream. */
    public final List<String> forwarded = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final HttpClient upstream = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String expectedAuthorization;

    public ForwardProxy(String user, String password) throws IOException {
        this.expectedAuthorization = user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public ProxySelector selector() {
        return ProxySelector.of(server.getAddress());
    }

    private void handle(HttpExchange exchange) throws IOException {
        URI target = exchange.getRequestURI();
        received.add(exchange.getRequestMethod() + " " + target);
        try (exchange) {
            if (!target.isAbsolute()) {
                reply(exchange, 400, "a proxy wants absolute-form requests".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (expectedAuthorization != null
                    && !expectedAuthorization.equals(exchange.getRequestHeaders().getFirst("Proxy-Authorization"))) {
                exchange.getResponseHeaders().set("Proxy-Authenticate", "Basic realm=\"test proxy\"");
                reply(exchange, 407, new byte[0]);
                return;
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(target)
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.noBody());
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            forwarded.add(exchange.getRequestMethod() + " " + target);
            HttpResponse<byte[]> response = upstream.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            reply(exchange, response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
