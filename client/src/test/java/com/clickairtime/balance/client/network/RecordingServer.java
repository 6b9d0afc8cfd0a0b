package com.clickairtime.balance.client.network;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HTTP or HTTPS server that answers every request with one body and records what came: the
 * request headers and, over TLS, the negotiated protocol. No WireMock here, so nothing answers an h2c upgrade.
 */
public final class RecordingServer implements AutoCloseable {

    public final List<Headers> requests = new CopyOnWriteArrayList<>();
    public final List<String> tlsProtocols = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final String scheme;

    private RecordingServer(HttpServer server, String scheme, int status, String body, Map<String, String> headers) {
        this.server = server;
        this.scheme = scheme;
        server.createContext("/", exchange -> answer(exchange, status, body, headers));
        server.start();
    }

    public static RecordingServer http(int status, String body, Map<String, String> headers) throws IOException {
        return new RecordingServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0), "http",
                status, body, headers);
    }

    public static RecordingServer https(SSLContext context, String body) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        return new RecordingServer(server, "https", 200, body, Map.of());
    }

    public String baseUrl() {
        return scheme + "://127.0.0.1:" + server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange, int status, String body, Map<String, String> headers) throws IOException {
        requests.add(exchange.getRequestHeaders());
        if (exchange instanceof HttpsExchange) {
            tlsProtocols.add(((HttpsExchange) exchange).getSSLSession().getProtocol());
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
