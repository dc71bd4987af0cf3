package io.leadline.events.webhook;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A real HTTP receiver on a free local port, answering with a status the test sets and recording every request; while
 * {@link #hold()} is on, it answers nothing until {@link #releaseAll()} (a slow receiver).
 */
final class Receiver implements AutoCloseable {

    /** One request as it arrived: lower-cased headers and the raw body. */
    record Received(Map<String, String> headers, byte[] body) {
        JsonObject json() {
            return new JsonObject(new String(body, java.nio.charset.StandardCharsets.UTF_8));
        }

        String eventId() {
            return json().getJsonObject("event").getString("id");
        }
    }

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final Deque<HttpServerRequest> held = new ConcurrentLinkedDeque<>();
    private volatile boolean holding;

    Receiver() {
        server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            Map<String, String> headers = request.headers().entries().stream()
                    .collect(Collectors.toMap(e -> e.getKey().toLowerCase(), Map.Entry::getValue, (a, b) -> a));
            received.add(new Received(headers, body.getBytes()));
            if (holding) {
                held.add(request);
            } else {
                answer(request);
            }
        }));
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("Receiver did not start", e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.actualPort() + "/hooks/leadline?source=test";
    }

    void answer(int statusCode) {
        status.set(statusCode);
    }

    /** From now on, requests wait for an answer until released. */
    void hold() {
        holding = true;
    }

    /** Requests waiting for an answer now. */
    int held() {
        return held.size();
    }

    /** Stops holding and answers every waiting request. */
    void releaseAll() {
        holding = false;
        for (HttpServerRequest request = held.poll(); request != null; request = held.poll()) {
            answer(request);
        }
    }

    private void answer(HttpServerRequest request) {
        request.response().setStatusCode(status.get()).end(status.get() >= 300 ? "receiver says no" : "ok");
    }

    List<Received> received() {
        return received;
    }

    @Override
    public void close() {
        releaseAll();
        vertx.close();
    }
}
