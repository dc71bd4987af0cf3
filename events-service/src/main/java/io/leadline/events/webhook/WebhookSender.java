package io.leadline.events.webhook;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * POSTs one delivery with the Vert.x HTTP client, never blocking the event loop (the DNS look-up runs on a worker).
 * The host is resolved and checked again before every attempt and the request goes to the very address checked
 * (the URL's host still names it for {@code Host} and TLS), so a name re-pointed at an internal address after the
 * subscription was created is refused. Redirects are not followed; the whole attempt has {@code timeout}.
 */
@ApplicationScoped
public class WebhookSender {

    static final int EXCERPT_BYTES = 1024;

    @Inject
    Vertx vertx;

    @Inject
    WebhooksConfig config;

    private HttpClient verifying;
    private HttpClient trusting;

    private synchronized HttpClient client(boolean verifySsl) {
        if (verifying == null) {
            int timeoutMs = (int) config.timeout().toMillis();
            HttpClientOptions options = new HttpClientOptions()
                    .setConnectTimeout(timeoutMs)
                    .setKeepAlive(true)
                    .setMaxPoolSize(config.concurrencyPerSubscription() * 8)
                    .setForceSni(true)
                    .setVerifyHost(true);
            verifying = vertx.createHttpClient(options);
            // verify_ssl: false (Close's option) trusts any certificate; it only matters for https
            trusting = vertx.createHttpClient(new HttpClientOptions(options).setTrustAll(true).setVerifyHost(false));
        }
        return verifySsl ? verifying : trusting;
    }

    void close(@Observes ShutdownEvent shutdown) {
        if (verifying != null) {
            verifying.close();
            trusting.close();
        }
    }

    Uni<AttemptOutcome> send(DueDelivery delivery) {
        long started = System.nanoTime();
        UrlSafety safety = UrlSafety.of(config);
        UrlSafety.Target target;
        try {
            target = safety.parse(delivery.url());
        } catch (UrlSafety.UnsafeUrl refused) {
            return Uni.createFrom().item(refused(started, refused));
        }
        Future<AttemptOutcome> attempt = vertx.<InetAddress>executeBlocking(() -> safety.resolve(target), false)
                .compose(address -> post(delivery, target, address, started));
        return Uni.createFrom().completionStage(attempt.toCompletionStage())
                .onFailure(UrlSafety.UnsafeUrl.class).recoverWithItem(failure -> refused(started, failure))
                .onFailure().recoverWithItem(failure -> new AttemptOutcome(null, elapsedMs(started), null,
                        describe(failure)));
    }

    private Future<AttemptOutcome> post(DueDelivery delivery, UrlSafety.Target target, InetAddress address,
                                        long started) {
        byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String path = target.uri().getRawPath() == null || target.uri().getRawPath().isEmpty() ? "/"
                : target.uri().getRawPath();
        if (target.uri().getRawQuery() != null) {
            path += "?" + target.uri().getRawQuery();
        }
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(address, target.port())))
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.https())
                .setURI(path)
                .setFollowRedirects(false)
                .setIdleTimeout(config.timeout().toMillis())
                .putHeader("content-type", "application/json")
                .putHeader("user-agent", "Leadline-Webhooks/1")
                .putHeader("close-sig-timestamp", timestamp)
                .putHeader("close-sig-hash", Signatures.closeSigHash(delivery.signatureKey(), timestamp, body))
                .putHeader("webhook-id", delivery.id())
                .putHeader("webhook-timestamp", timestamp)
                .putHeader("webhook-signature",
                        Signatures.standardWebhooksSignature(delivery.signatureKey(), delivery.id(), timestamp, body));
        Promise<AttemptOutcome> outcome = Promise.promise();
        long timer = vertx.setTimer(config.timeout().toMillis(), id ->
                outcome.tryFail("No answer within " + config.timeout().toSeconds() + " s"));
        client(delivery.verifySsl()).request(options).onComplete(requested -> {
            if (requested.failed()) {
                outcome.tryFail(requested.cause());
                return;
            }
            HttpClientRequest request = requested.result();
            outcome.future().onFailure(failure -> request.reset());
            request.send(Buffer.buffer(body)).onComplete(answered -> {
                if (answered.failed()) {
                    outcome.tryFail(answered.cause());
                    return;
                }
                var response = answered.result();
                ByteArrayOutputStream excerpt = new ByteArrayOutputStream();
                response.handler(chunk -> {
                    int room = EXCERPT_BYTES - excerpt.size();
                    if (room > 0) {
                        excerpt.writeBytes(chunk.getBytes(0, Math.min(room, chunk.length())));
                    }
                });
                response.exceptionHandler(outcome::tryFail);
                response.endHandler(done -> outcome.tryComplete(new AttemptOutcome(response.statusCode(),
                        elapsedMs(started), text(excerpt.toByteArray()), null)));
            });
        });
        return outcome.future().onComplete(done -> vertx.cancelTimer(timer));
    }

    private static AttemptOutcome refused(long started, Throwable refused) {
        return new AttemptOutcome(null, elapsedMs(started), null, "Refused: " + refused.getMessage());
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return text(message.getBytes(StandardCharsets.UTF_8));
    }

    /** At most 1 KB as text PostgreSQL stores (no NUL; a cut character becomes U+FFFD). */
    private static String text(byte[] bytes) {
        byte[] head = bytes.length > EXCERPT_BYTES ? java.util.Arrays.copyOf(bytes, EXCERPT_BYTES) : bytes;
        return new String(head, StandardCharsets.UTF_8).replace('\u0000', '\uFFFD');
    }

    private static long elapsedMs(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
