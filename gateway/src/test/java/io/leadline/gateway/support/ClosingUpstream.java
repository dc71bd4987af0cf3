package io.leadline.gateway.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A service that keeps connections alive for exactly one exchange: it answers the first request on a connection
 * (keep-alive, so the gateway pools the connection) and closes the connection, unanswered, as soon as the next
 * request on it arrives: the moment a service's idle timeout fires just as the gateway reuses the connection.
 * Answers {@code {"connection": n, "method": "...", "body": "..."}}.
 */
final class ClosingUpstream implements AutoCloseable {

    private final ServerSocket server;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger closedUnanswered = new AtomicInteger();
    private volatile boolean running = true;

    ClosingUpstream() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "closing-upstream");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    String counts() {
        return "{\"connections\": " + connections.get() + ", \"closed_unanswered\": " + closedUnanswered.get() + "}";
    }

    private void accept() {
        while (running) {
            try {
                Socket socket = server.accept();
                int number = connections.incrementAndGet();
                Thread worker = new Thread(() -> serve(socket, number), "closing-upstream-" + number);
                worker.setDaemon(true);
                worker.start();
            } catch (IOException stopped) {
                return;
            }
        }
    }

    private void serve(Socket socket, int number) {
        try (socket) {
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            if (head == null) {
                return;
            }
            String body = readBody(in, head);
            String method = head.substring(0, head.indexOf(' '));
            byte[] answer = ("{\"connection\": " + number + ", \"method\": \"" + method + "\", \"body\": "
                    + quote(body) + "}").getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + answer.length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(answer);
            out.flush();
            // the next request (if the gateway reuses this connection) is not read, let alone answered
            if (in.read() >= 0) {
                closedUnanswered.incrementAndGet();
            }
        } catch (IOException ignored) {
            // the gateway went away first: nothing to count
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int next;
        while ((next = in.read()) >= 0) {
            head.write(next);
            matched = (next == "\r\n\r\n".charAt(matched)) ? matched + 1 : (next == '\r' ? 1 : 0);
            if (matched == 4) {
                return head.toString(StandardCharsets.US_ASCII);
            }
        }
        return null;
    }

    private static String readBody(InputStream in, String head) throws IOException {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                int length = Integer.parseInt(line.substring("content-length:".length()).trim());
                return new String(in.readNBytes(length), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public void close() throws IOException {
        running = false;
        server.close();
    }
}
