package io.leadline.systemtests;

import com.sun.net.httpserver.HttpServer;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Webhooks through the real stack: a subscription made through the gateway, a lead created through it, and the
 * delivery arriving at a receiver this test runs, signed so that both Close's rule and Standard Webhooks' verify.
 * The development stack allows http and loopback receivers (devstack sets the allow-list), as used here.
 */
class WebhooksIT {

    private static final Duration DELIVERY_WAIT = Duration.ofSeconds(30);
    private static HttpServer receiver;
    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();

    private record Received(Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    @BeforeAll
    static void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            RECEIVED.add(new Received(Map.copyOf(exchange.getRequestHeaders()), body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void aLeadCreatedThroughTheGatewayReachesTheSubscribersReceiverSigned() throws Exception {
        Tenant tenant = Tenant.create("Webhook Corp");
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        JsonPath subscription = tenant.api()
                .body(Map.of("url", url, "events", List.of(Map.of("object_type", "lead", "action", "created",
                        "extra_filter", Map.of("type", "field_accessor", "field", "data", "filter",
                                Map.of("type", "field_accessor", "field", "name", "filter",
                                        Map.of("type", "contains", "value", "Wanted")))))))
                .post("/webhook/").then().statusCode(201).extract().jsonPath();
        String key = subscription.getString("signature_key");

        tenant.api().body(Map.of("name", "Not this one")).post("/lead/").then().statusCode(200);
        String leadId = tenant.api().body(Map.of("name", "Wanted Inc")).post("/lead/").then().statusCode(200)
                .extract().path("id");

        Received delivery = Eventually.await(() -> RECEIVED.stream()
                        .filter(r -> new String(r.body(), StandardCharsets.UTF_8).contains(leadId)).findFirst().orElse(null),
                found -> found != null, DELIVERY_WAIT);
        JsonPath body = JsonPath.from(new String(delivery.body(), StandardCharsets.UTF_8));
        assertThat(body.getString("subscription_id")).isEqualTo(subscription.getString("id"));
        assertThat(body.getString("event.object_type")).isEqualTo("lead");
        assertThat(body.getString("event.action")).isEqualTo("created");
        assertThat(body.getString("event.data.name")).isEqualTo("Wanted Inc");

        String timestamp = delivery.header("close-sig-timestamp");
        byte[] keyBytes = HexFormat.of().parseHex(key);
        assertThat(delivery.header("close-sig-hash")).isEqualTo(HexFormat.of().formatHex(
                hmac(keyBytes, concat(timestamp.getBytes(StandardCharsets.UTF_8), delivery.body()))));
        String signed = delivery.header("webhook-id") + "." + delivery.header("webhook-timestamp") + ".";
        assertThat(delivery.header("webhook-signature")).isEqualTo("v1," + Base64.getEncoder().encodeToString(
                hmac(keyBytes, concat(signed.getBytes(StandardCharsets.UTF_8), delivery.body()))));

        // the filter kept the other lead out; the delivery log shows the one attempt
        assertThat(RECEIVED.stream().map(r -> new String(r.body(), StandardCharsets.UTF_8))
                .filter(text -> text.contains("Not this one"))).isEmpty();
        tenant.api().get("/webhook/" + subscription.getString("id") + "/delivery/").then().statusCode(200)
                .body("data[0].state", equalTo("delivered")).body("data[0].attempts[0].status_code", equalTo(204));
    }

    @Test
    void internalAddressesAreRefusedEvenInTheDevelopmentStack() {
        Tenant tenant = Tenant.create("SSRF Corp");
        for (String url : List.of("http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", "http://192.168.0.10/")) {
            tenant.api().body(Map.of("url", url, "events", List.of(Map.of("object_type", "lead", "action", "created"))))
                    .post("/webhook/").then().statusCode(400);
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
