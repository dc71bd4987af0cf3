package io.leadline.systemtests;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.restassured.path.json.JsonPath;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Webhooks through the real stack: subscriptions made through the gateway, leads created through it, and deliveries
 * arriving at receivers this test runs, verified the way receivers do (Close's {@code close-sig-hash} by hand, Standard
 * Webhooks with its reference library). The development stack allows http and loopback receivers (devstack sets the
 * allow-list); Stack makes retries, the auto-pause and the delivery lease fast.
 */
class WebhooksIT {

    private static final Duration DELIVERY_WAIT = Duration.ofSeconds(60);
    private static final String EVENTS_SERVICE = "events-service";

    @Test
    void aLeadCreatedThroughTheGatewayReachesTheSubscribersReceiverSigned() throws Exception {
        try (Receiver receiver = new Receiver(Duration.ZERO)) {
            Tenant tenant = Tenant.create("Webhook Corp");
            JsonPath subscription = tenant.api()
                    .body(Map.of("url", receiver.url(), "events", List.of(Map.of("object_type", "lead", "action", "created",
                            "extra_filter", Map.of("type", "field_accessor", "field", "data", "filter",
                                    Map.of("type", "field_accessor", "field", "name", "filter",
                                            Map.of("type", "contains", "value", "Wanted")))))))
                    .post("/webhook/").then().statusCode(201).extract().jsonPath();
            String key = subscription.getString("signature_key");

            tenant.api().body(Map.of("name", "Not this one")).post("/lead/").then().statusCode(200);
            String leadId = tenant.api().body(Map.of("name", "Wanted Inc")).post("/lead/").then().statusCode(200)
                    .extract().path("id");

            Received delivery = Eventually.await(() -> receiver.about(leadId).stream().findFirst().orElse(null),
                    found -> found != null, DELIVERY_WAIT);
            JsonPath body = JsonPath.from(delivery.text());
            assertThat(body.getString("subscription_id")).isEqualTo(subscription.getString("id"));
            assertThat(body.getString("event.object_type")).isEqualTo("lead");
            assertThat(body.getString("event.action")).isEqualTo("created");
            assertThat(body.getString("event.data.name")).isEqualTo("Wanted Inc");

            // Close's rule, as its documentation gives it
            String timestamp = delivery.header("close-sig-timestamp");
            byte[] keyBytes = HexFormat.of().parseHex(key);
            assertThat(delivery.header("close-sig-hash")).isEqualTo(HexFormat.of().formatHex(
                    hmac(keyBytes, concat(timestamp.getBytes(StandardCharsets.UTF_8), delivery.body()))));
            // Standard Webhooks' own library, with the secret derived from the same key; a changed body fails it
            Webhook verifier = new Webhook("whsec_" + Base64.getEncoder().encodeToString(keyBytes));
            verifier.verify(delivery.text(), delivery.headers());
            assertThatThrownBy(() -> verifier.verify(delivery.text().replace("Wanted", "Forged"), delivery.headers()))
                    .isInstanceOf(WebhookVerificationException.class);

            // the filter kept the other lead out; the delivery log shows the one attempt
            assertThat(receiver.received().stream().filter(r -> r.text().contains("Not this one"))).isEmpty();
            tenant.api().get("/webhook/" + subscription.getString("id") + "/delivery/").then().statusCode(200)
                    .body("data[0].state", equalTo("delivered")).body("data[0].attempts[0].status_code", equalTo(200));
        }
    }

    @Test
    void aReceiverThatWasDownGetsEverythingOnceItIsBackAndOneThatStaysDownIsPaused() {
        try (Receiver flaky = new Receiver(Duration.ZERO); Receiver dead = new Receiver(Duration.ZERO)) {
            flaky.answer(503);
            dead.answer(500);
            Tenant tenant = Tenant.create("Flaky Receiver Corp");
            String flakySubscription = subscribe(tenant, flaky, "created");
            String deadSubscription = subscribe(tenant, dead, "created");
            List<String> leads = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                leads.add(tenant.api().body(Map.of("name", "Retried " + i)).post("/lead/").then().statusCode(200)
                        .extract().path("id"));
            }

            // every event was tried and refused; then the receiver comes back
            Eventually.await(() -> leads.stream().allMatch(lead -> !flaky.about(lead).isEmpty()), all -> all,
                    DELIVERY_WAIT);
            flaky.answer(200);
            Eventually.await(() -> leads.stream().allMatch(lead -> flaky.acceptedAbout(lead)), all -> all, DELIVERY_WAIT);
            tenant.api().get("/webhook/" + flakySubscription + "/").then().statusCode(200).body("status", equalTo("active"));
            tenant.api().get("/webhook/" + flakySubscription + "/delivery/").then().statusCode(200)
                    .body("data[0].attempts.status_code", hasItem(503))
                    .body("data[0].attempts.status_code", hasItem(200));

            // the other receiver never answers 2xx: its subscription pauses (Stack: after 8 s; production: 3 days)
            Eventually.await(() -> tenant.api().get("/webhook/" + deadSubscription + "/").then().statusCode(200)
                    .extract().path("status"), "paused"::equals, DELIVERY_WAIT);
            int triedWhilePaused = dead.received().size();
            tenant.api().body(Map.of("name", "After the pause")).post("/lead/").then().statusCode(200);
            Eventually.await(() -> leads.stream().allMatch(flaky::acceptedAbout)
                    && flaky.received().stream().anyMatch(r -> r.text().contains("After the pause")), done -> done,
                    DELIVERY_WAIT);
            assertThat(dead.received().stream().skip(triedWhilePaused).filter(r -> r.text().contains("After the pause")))
                    .isEmpty();
        }
    }

    @Test
    void internalAddressesAreRefusedEvenInTheDevelopmentStack() {
        Tenant tenant = Tenant.create("SSRF Corp");
        for (String url : List.of("http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", "http://192.168.0.10/",
                "http://172.16.0.1/", "http://100.64.0.1/", "http://[fd00:ec2::254]/", "http://0.0.0.0/")) {
            tenant.api().body(Map.of("url", url, "events", List.of(Map.of("object_type", "lead", "action", "created"))))
                    .post("/webhook/").then().statusCode(400).body("'field-errors'.url", notNullValue());
        }
        tenant.api().get("/webhook/").then().statusCode(200).body("data.size()", equalTo(0));
    }

    /**
     * events-service is killed (SIGKILL) while deliveries are under way and leads keep being created; once it is back
     * every event reaches the receiver. A delivery claimed by the killed process is sent again after its lease, with
     * the same {@code webhook-id}: the only duplicates, and a receiver deduplicating by that id sees each event once.
     */
    @Test
    void killingEventsServiceMidDeliveryLosesNothingAndOnlyRepeatsWhatWasInFlight() {
        try (Receiver receiver = new Receiver(Duration.ofMillis(400))) {
            Tenant tenant = Tenant.create("Crash Corp");
            subscribe(tenant, receiver, "created");
            List<String> leads = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                leads.add(tenant.api().body(Map.of("name", "Before crash " + i)).post("/lead/").then().statusCode(200)
                        .extract().path("id"));
            }
            Eventually.await(() -> receiver.received().size(), count -> count >= 3, DELIVERY_WAIT);

            Stack.get().killService(EVENTS_SERVICE);
            Instant killedAt = Instant.now();
            try {
                for (int i = 0; i < 10; i++) {
                    leads.add(tenant.api().body(Map.of("name", "During crash " + i)).post("/lead/").then()
                            .statusCode(200).extract().path("id"));
                }
            } finally {
                Stack.get().restartService(EVENTS_SERVICE, Duration.ofMinutes(3));
            }

            // the restarted consumer joins its group once the dead member's session has expired: allow for that
            Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
                    .until(() -> leads.stream().allMatch(receiver::acceptedAbout));
            Map<String, List<Received>> byWebhookId = receiver.received().stream()
                    .collect(Collectors.groupingBy(r -> r.header("webhook-id")));
            assertThat(byWebhookId).hasSize(leads.size());
            byWebhookId.forEach((webhookId, copies) -> {
                assertThat(copies.stream().map(r -> JsonPath.from(r.text()).getString("event.id")).distinct())
                        .as("one event per webhook-id").hasSize(1);
                if (copies.size() > 1) {
                    assertThat(copies.get(0).at()).as("a repeated delivery was in flight when the service died")
                            .isBefore(killedAt);
                }
            });
            assertThat(leads.stream().map(lead -> receiver.about(lead).get(0).header("webhook-id")).collect(Collectors.toSet()))
                    .isEqualTo(byWebhookId.keySet());
        }
    }

    private static String subscribe(Tenant tenant, Receiver receiver, String action) {
        return tenant.api().body(Map.of("url", receiver.url(),
                        "events", List.of(Map.of("object_type", "lead", "action", action))))
                .post("/webhook/").then().statusCode(201).extract().path("id");
    }

    /** One request as it arrived: headers (names lower-cased, as Standard Webhooks' verifier looks them up). */
    private record Received(Map<String, List<String>> headers, byte[] body, Instant at, int answered) {
        String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : values.get(0);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** A real HTTP receiver on a free loopback port, answering with the status the test sets, after {@code delay}. */
    private static final class Receiver implements AutoCloseable {
        private final HttpServer server;
        private final ExecutorService handlers = Executors.newCachedThreadPool();
        private final ScheduledExecutorService answers = Executors.newSingleThreadScheduledExecutor();
        private final List<Received> received = new CopyOnWriteArrayList<>();
        private final AtomicInteger status = new AtomicInteger(200);
        private final Duration delay;

        Receiver(Duration delay) {
            this.delay = delay;
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.setExecutor(handlers);
            server.createContext("/hook", this::handle);
            server.start();
        }

        private void handle(HttpExchange exchange) throws IOException {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, List<String>> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), List.copyOf(values)));
            int answer = status.get();
            received.add(new Received(headers, body, Instant.now(), answer));
            // a slow receiver answers later without holding a thread, so deliveries stay in flight meanwhile
            answers.schedule(() -> {
                try {
                    exchange.sendResponseHeaders(answer, -1);
                } catch (IOException gone) {
                    // the sender gave up (or died): nothing to answer
                }
                exchange.close();
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        void answer(int statusCode) {
            status.set(statusCode);
        }

        List<Received> received() {
            return received;
        }

        /** Deliveries whose event is about {@code objectId}. */
        List<Received> about(String objectId) {
            return received.stream().filter(r -> r.text().contains(objectId)).toList();
        }

        boolean acceptedAbout(String objectId) {
            return about(objectId).stream().anyMatch(r -> r.answered() / 100 == 2);
        }

        @Override
        public void close() {
            server.stop(0);
            handlers.shutdownNow();
            answers.shutdownNow();
        }
    }

    private static byte[] hmac(byte[] key, byte[] message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(message);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
