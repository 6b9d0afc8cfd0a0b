package com.clickairtime.balance.client.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An HTTP/1.1 keep-alive server that answers each path with fixed, pre-rendered bytes, so the
 * benchmark measures the clients and almost nothing else. TCP_NODELAY is set on every connection:
 * without it Nagle and delayed ACK add about 40 ms to each call and hide everything.
 */
final class CapturedServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Map<String, byte[]> responses;
    private final byte[] notFound = render(404, "{}");
    private final Map<Socket, Boolean> open = new ConcurrentHashMap<>();

    CapturedServer(Map<String, String> bodiesByPath) throws IOException {
        this.responses = new ConcurrentHashMap<>();
        bodiesByPath.forEach((path, body) -> responses.put(path, render(200, body)));
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "captured-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    private static byte[] render(int status, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + (status == 200 ? " OK" : " Not Found") + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + bytes.length + "\r\n"
                + "X-RateLimit-Limit: 300\r\n"
                + "X-RateLimit-Remaining: 299\r\n"
                + "X-RateLimit-Reset: 1705314660\r\n"
                + "\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[headBytes.length + bytes.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(bytes, 0, all, headBytes.length, bytes.length);
        return all;
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connection.setTcpNoDelay(true);
                open.put(connection, Boolean.TRUE);
                Thread worker = new Thread(() -> serve(connection), "captured-connection");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection; InputStream in = new BufferedInputStream(connection.getInputStream());
             OutputStream out = connection.getOutputStream()) {
            StringBuilder line = new StringBuilder();
            String path = null;
            boolean lineStart = true;
            for (int b; (b = in.read()) != -1; ) {
                if (b == '\n') {
                    if (path == null) {
                        String requestLine = line.toString();
                        int from = requestLine.indexOf(' ') + 1;
                        path = requestLine.substring(from, requestLine.indexOf(' ', from));
                    } else if (lineStart) {
                        // An empty line ends the head; GET requests have no body.
                        out.write(responses.getOrDefault(path, notFound));
                        out.flush();
                        path = null;
                    }
                    line.setLength(0);
                    lineStart = true;
                } else if (b != '\r') {
                    line.append((char) b);
                    lineStart = false;
                }
            }
        } catch (IOException ignored) {
            // The client closed the connection.
        } finally {
            open.remove(connection);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket connection : open.keySet()) {
            connection.close();
        }
    }
}
