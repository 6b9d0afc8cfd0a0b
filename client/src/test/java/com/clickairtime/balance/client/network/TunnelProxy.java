package com.clickairtime.balance.client.network;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-process HTTPS proxy on loopback, as a corporate one does it: it takes {@code CONNECT host:port}, demands
 * Basic proxy credentials (407 with {@code Proxy-Authenticate: Basic}) and, once given them, opens the tunnel to
 * loopback targets only and relays the bytes both ways. It never sees inside the TLS.
 */
public final class TunnelProxy implements AutoCloseable {

    /** Each CONNECT's target and the Proxy-Authorization it came with ("none" without), 407s included. */
    public final List<String> received = new CopyOnWriteArrayList<>();
    /** The targets of the tunnels opened. */
    public final List<String> tunnelled = new CopyOnWriteArrayList<>();
    private final ServerSocket socket;
    private final String expectedAuthorization;
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    public TunnelProxy(String user, String password) throws IOException {
        this.expectedAuthorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "tunnel-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public ProxySelector selector() {
        return ProxySelector.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort()));
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                open.add(client);
                daemon(() -> serve(client), "tunnel-proxy-connection");
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            // One connection may carry a refused CONNECT and then the one with credentials.
            while (true) {
                List<String> head = head(in);
                if (head.isEmpty()) {
                    client.close();
                    return;
                }
                String[] requestLine = head.get(0).split(" ");
                String authorization = header(head, "proxy-authorization");
                received.add(requestLine[0] + " " + requestLine[1] + " " + (authorization == null ? "none" : authorization));
                if (!"CONNECT".equals(requestLine[0])) {
                    reply(out, "HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    client.close();
                    return;
                }
                if (!expectedAuthorization.equals(authorization)) {
                    reply(out, "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test proxy\"\r\n"
                            + "Content-Length: 0\r\n\r\n");
                    continue;
                }
                String[] target = requestLine[1].split(":");
                if (!InetAddress.getByName(target[0]).isLoopbackAddress()) {
                    reply(out, "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    client.close();
                    return;
                }
                Socket upstream = new Socket(InetAddress.getByName(target[0]), Integer.parseInt(target[1]));
                open.add(upstream);
                tunnelled.add(requestLine[1]);
                reply(out, "HTTP/1.1 200 Connection Established\r\n\r\n");
                daemon(() -> relay(upstream, client), "tunnel-proxy-down");
                relay(client, upstream);
                return;
            }
        } catch (IOException e) {
            close(client);
        }
    }

    /** The request line and headers, up to the empty line; empty when the connection ended first. */
    private static List<String> head(InputStream in) throws IOException {
        List<String> lines = new java.util.ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) != -1; ) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1).replace("\r", "");
                line.reset();
                if (text.isEmpty()) {
                    return lines;
                }
                lines.add(text);
            } else {
                line.write(b);
            }
        }
        return List.of();
    }

    private static String header(List<String> head, String name) {
        for (String line : head.subList(1, head.size())) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    private static void reply(OutputStream out, String response) throws IOException {
        out.write(response.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static void relay(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException ended) {
            // One side closed: the tunnel is over.
        } finally {
            close(from);
            close(to);
        }
    }

    private static void daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already closed.
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        open.forEach(TunnelProxy::close);
    }
}
