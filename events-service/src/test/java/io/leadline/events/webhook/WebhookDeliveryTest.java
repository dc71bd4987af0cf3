package io.leadline.events.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.events.eventlog.EventRetention;
import io.leadline.platform.testing.KafkaServiceTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deliveries to a real HTTP receiver this test starts, from events published to the real Kafka broker. */
@QuarkusTest
@TestProfile(KafkaServiceTestProfile.class)
class WebhookDeliveryTest {

    private static final Duration DELIVERY = Duration.ofSeconds(60);
    @Inject
    EventRetention retention;

    @Inject
    Pool pool;

    @Inject
    WebhooksConfig config;

    private static final String LEAD_CREATED = "[{\"object_type\": \"lead\", \"action\": \"created\"}]";

    @Test
    void deliversEachMatchingEventSignedTheWayCloseAndStandardWebhooksVerify() throws Exception {
        try (Receiver receiver = new Receiver()) {
            WebhookApi api = WebhookApi.admin(WebhookApi.newOrganization());
            var created = api.subscribe(receiver.url(), LEAD_CREATED).then().statusCode(201).extract();
            String subscription = created.path("id");
            String key = created.path("signature_key");
            ObjectNode event = api.leadCreated("Acme");
            WebhookApi.publish(event);

            await().atMost(DELIVERY).until(() -> receiver.received().size() == 1);
            Receiver.Received request = receiver.received().get(0);
            JsonObject body = request.json();
            assertEquals(subscription, body.getString("subscription_id"));
            assertEquals(new JsonObject(event.toString()), body.getJsonObject("event"));

            // Close: hex HMAC-SHA256 keyed with the key's bytes, over timestamp + raw body
            String timestamp = request.headers().get("close-sig-timestamp");
            assertTrue(Math.abs(Long.parseLong(timestamp) - Instant.now().getEpochSecond()) < 120);
            byte[] signedByClose = (timestamp + new String(request.body(), StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8);
            assertEquals(HexFormat.of().formatHex(hmac(HexFormat.of().parseHex(key), signedByClose)),
                    request.headers().get("close-sig-hash"));

            // Standard Webhooks: the secret whsec_<base64 of the same bytes>, v1 signature over id.timestamp.body
            String secret = "whsec_" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(key));
            assertTrue(standardWebhooksVerify(secret, request), "webhook-signature verifies");
            assertEquals(timestamp, request.headers().get("webhook-timestamp"));

            api.deliveries(subscription).then().statusCode(200)
                    .body("data[0].event_id", equalTo(event.get("id").asText()))
                    .body("data[0].state", equalTo("delivered"))
                    .body("data[0].attempts[0].status_code", equalTo(200))
                    .body("data[0].attempts[0].response", equalTo("ok"))
                    .body("data[0].attempts[0].latency_ms", notNullValue());
        }
    }

    @Test
    void retentionRemovesExpiredEventsWithTheirFinishedDeliveriesAndKeepsTheRest() {
        try (Receiver receiver = new Receiver()) {
            WebhookApi api = WebhookApi.admin(WebhookApi.newOrganization());
            String subscription = api.subscribe(receiver.url(), LEAD_CREATED).then().statusCode(201).extract().path("id");
            ObjectNode expired = api.leadCreated("Expired");
            ObjectNode recent = api.leadCreated("Recent");
            WebhookApi.publish(expired, recent);
            await().atMost(DELIVERY).untilAsserted(() -> api.deliveries(subscription).then()
                    .body("data.state", equalTo(List.of("delivered", "delivered"))));
            age("event", "id", id(expired));
            age("webhook_delivery", "event_id", id(expired));

            retention.purge().await().atMost(DELIVERY);

            assertEquals(0, count("event", id(expired)));
            assertEquals(1, count("event", id(recent)));
            api.deliveries(subscription).then().body("data.event_id", equalTo(List.of(id(recent))));
        }
    }

    private void age(String table, String column, String eventId) {
        pool.preparedQuery("update " + table + " set date_created = now() - interval '40 days' where " + column + " = $1")
                .execute(Tuple.of(eventId)).await().atMost(DELIVERY);
    }

    private long count(String table, String eventId) {
        return pool.preparedQuery("select count(*) from " + table + " where id = $1").execute(Tuple.of(eventId))
                .await().atMost(DELIVERY).iterator().next().getLong(0);
    }

    @Test
    void extraFilterSelectsTheEventsItMatches() {
        try (Receiver receiver = new Receiver()) {
            WebhookApi api = WebhookApi.admin(WebhookApi.newOrganization());
            api.subscribe(receiver.url(), "[{\"object_type\": \"lead\", \"action\": \"created\", \"extra_filter\":"
                    + " {\"type\": \"field_accessor\", \"field\": \"data\", \"filter\": {\"type\": \"field_accessor\","
                    + " \"field\": \"display_name\", \"filter\": {\"type\": \"or\", \"filters\": ["
                    + "{\"type\": \"equals\", \"value\": \"Wanted\"}, {\"type\": \"contains\", \"value\": \"VIP\"}]}}}}]")
                    .then().statusCode(201);
            ObjectNode wanted = api.leadCreated("Wanted");
            ObjectNode vip = api.leadCreated("Big VIP Corp");
            ObjectNode unwanted = api.leadCreated("Someone else");
            WebhookApi.publish(unwanted, wanted, vip);
            // a marker after them: once it is in, the others were matched (one partition per lead key, so wait on each)
            ObjectNode marker = api.leadCreated("Wanted");
            WebhookApi.publish(marker);

            await().atMost(DELIVERY).until(() -> receivedEventIds(receiver).size() == 3);
            assertEquals(Set.of(id(wanted), id(vip), id(marker)), receivedEventIds(receiver));
        }
    }

    @Test
    void aReceiverThatWasDownGetsEverythingOnceItIsBack() {
        try (Receiver receiver = new Receiver()) {
            receiver.answer(503);
            WebhookApi api = WebhookApi.admin(WebhookApi.newOrganization());
            String subscription = api.subscribe(receiver.url(), LEAD_CREATED).then().statusCode(201).extract().path("id");
            List<ObjectNode> events = Stream.generate(() -> api.leadCreated("Lead")).limit(5).toList();
            WebhookApi.publish(events.toArray(ObjectNode[]::new));

            await().atMost(DELIVERY).until(() -> receivedEventIds(receiver).size() == 5);
            receiver.answer(200);
            await().atMost(DELIVERY).untilAsserted(() -> api.deliveries(subscription).then().statusCode(200)
                    .body("data.state", equalTo(List.of("delivered", "delivered", "delivered", "delivered", "delivered"))));
            assertEquals(events.stream().map(WebhookDeliveryTest::id).collect(Collectors.toSet()),
                    receivedEventIds(receiver));
            api.deliveries(subscription).then()
                    .body("data[0].attempts.status_code", hasItem(503))
                    .body("data[0].attempts.status_code", hasItem(200))
                    .body("data[0].attempts[0].response", equalTo("receiver says no"))
                    .body("data[0].attempts[0].next_attempt_at", notNullValue());
            // the subscription was not paused by a short outage
            api.get(subscription).then().body("status", equalTo("active"));
        }
    }

    @Test
    void aSlowReceiverHasAtMostItsConcurrencyInFlightAndGetsTheRestOnceItAnswers() {
        int slots = config.concurrencyPerSubscription();
        int total = slots + 3; // below the tests' backlog limit (20), which would pause the subscription
        try (Receiver receiver = new Receiver()) {
            receiver.hold();
            WebhookApi api = WebhookApi.admin(WebhookApi.newOrganization());
            String subscription = api.subscribe(receiver.url(), LEAD_CREATED).then().statusCode(201).extract().path("id");
            List<ObjectNode> events = Stream.generate(() -> api.leadCreated("Lead")).limit(total).toList();
            WebhookApi.publish(events.toArray(ObjectNode[]::new));

            // the receiver keeps concurrency-per-subscription requests waiting and no more come meanwhile (well within
            // the tests' 3 s attempt timeout, after which the sender would give up on them)
            await().atMost(DELIVERY).until(() -> receiver.held() == slots);
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                    .until(() -> receiver.received().size() == slots);

            // the answers free the slots for the rest (each freed as its exchange ends, the outcome recorded meanwhile)
            receiver.releaseAll();
            await().atMost(DELIVERY).until(() -> receivedEventIds(receiver).size() == total);
            assertEquals(events.stream().map(WebhookDeliveryTest::id).collect(Collectors.toSet()),
                    receivedEventIds(receiver));
            await().atMost(DELIVERY).untilAsserted(() -> api.deliveries(subscription).then()
                    .body("data.state", everyItem(equalTo("delivered"))).body("data.size()", equalTo(total)));
        }
    }

    @Test
    void aDeliveryNobodySignalledIsStillSentByThePoll() {
        try (Receiver receiver = new Receiver()) {
            WebhookApi api = WebhookApi.admin(WebhookApi.newOrganization());
            ObjectNode event = storedEvent(api, "Stored before the subscription");
            String subscription = api.subscribe(receiver.url(), LEAD_CREATED).then().statusCode(201).extract().path("id");

            // written as another replica (or a lost wake-up) would leave it: no signal reaches this worker
            pool.preparedQuery("insert into webhook_delivery (id, webhook_id, organization_id, event_id, state,"
                            + " next_attempt_at, date_created) values ('whdel_unsignalled', $1, $2, $3, 'pending', now(), now())")
                    .execute(Tuple.of(subscription, api.organizationId, id(event))).await().atMost(DELIVERY);

            await().atMost(DELIVERY).until(() -> receivedEventIds(receiver).contains(id(event)));
            assertEquals("whdel_unsignalled", receiver.received().get(0).headers().get("webhook-id"));
        }
    }

    @Test
    void aSubscriptionThatKeepsFailingIsPausedAndAnAdminReactivatesIt() {
        try (Receiver receiver = new Receiver()) {
            receiver.answer(500);
            WebhookApi api = WebhookApi.admin(WebhookApi.newOrganization());
            String subscription = api.subscribe(receiver.url(), LEAD_CREATED).then().statusCode(201).extract().path("id");
            WebhookApi.publish(api.leadCreated("Lead"));

            // tests pause after 4 s of failures (production: 3 days)
            await().atMost(DELIVERY).untilAsserted(() ->
                    api.get(subscription).then().body("status", equalTo("paused")));
            receiver.answer(200);
            api.update(subscription, "{\"status\": \"active\"}").then().statusCode(200).body("status", equalTo("active"));
            await().atMost(DELIVERY).untilAsserted(() -> api.deliveries(subscription).then()
                    .body("data[0].state", equalTo("delivered")));
        }
    }

    @Test
    void aBacklogAtTheLimitPausesTheSubscriptionAndDropsItsQueue() {
        try (Receiver receiver = new Receiver()) {
            receiver.answer(503);
            WebhookApi api = WebhookApi.admin(WebhookApi.newOrganization());
            String subscription = api.subscribe(receiver.url(), LEAD_CREATED).then().statusCode(201).extract().path("id");
            // tests pause at 20 pending deliveries (production: 100,000)
            WebhookApi.publish(Stream.generate(() -> api.leadCreated("Lead")).limit(25).toArray(ObjectNode[]::new));

            await().atMost(DELIVERY).untilAsserted(() ->
                    api.get(subscription).then().body("status", equalTo("paused")));
            await().atMost(DELIVERY).untilAsserted(() -> api.deliveries(subscription).then()
                    .body("data.state", everyItem(equalTo("failed")))
                    // events stored after the pause get no delivery at all
                    .body("data.size()", greaterThanOrEqualTo(20)));
        }
    }

    @Test
    void aPausedSubscriptionGetsNothingAndOtherOrganizationsEventsNeverReachIt() {
        try (Receiver receiver = new Receiver()) {
            WebhookApi api = WebhookApi.admin(WebhookApi.newOrganization());
            WebhookApi other = WebhookApi.admin(WebhookApi.newOrganization());
            String paused = api.create("{\"url\": \"" + receiver.url() + "\", \"events\": " + LEAD_CREATED
                    + ", \"status\": \"paused\"}").then().statusCode(201).extract().path("id");
            api.subscribe(receiver.url(), LEAD_CREATED).then().statusCode(201);
            WebhookApi.publish(other.leadCreated("Theirs"));
            ObjectNode mine = api.leadCreated("Mine");
            WebhookApi.publish(mine);

            await().atMost(DELIVERY).until(() -> receivedEventIds(receiver).contains(id(mine)));
            assertEquals(Set.of(id(mine)), receivedEventIds(receiver));
            api.deliveries(paused).then().statusCode(200).body("data.size()", equalTo(0));
        }
    }

    @Test
    void aDeliveryIsRedeliveredOnRequestAndPastEventsAreReplayed() {
        try (Receiver receiver = new Receiver()) {
            WebhookApi api = WebhookApi.admin(WebhookApi.newOrganization());
            ObjectNode before = storedEvent(api, "Before the subscription");
            String subscription = api.subscribe(receiver.url(), LEAD_CREATED).then().statusCode(201).extract().path("id");
            ObjectNode after = api.leadCreated("After");
            WebhookApi.publish(after);
            await().atMost(DELIVERY).until(() -> receiver.received().size() == 1);

            String delivery = api.deliveries(subscription).then().extract().path("data[0].id");
            api.request().post("/api/v1/webhook/" + subscription + "/delivery/" + delivery + "/redeliver/")
                    .then().statusCode(200).body("state", equalTo("pending"));
            await().atMost(DELIVERY).until(() -> receiver.received().size() == 2);
            assertEquals(id(after), receiver.received().get(1).eventId());
            api.request().post("/api/v1/webhook/" + subscription + "/delivery/whdel_nope/redeliver/")
                    .then().statusCode(404);

            // replay: the event from before the subscription existed, and the one delivered already
            api.request().body("{\"date_updated__gte\": \"" + before.get("date_updated").asText() + "\"}")
                    .post("/api/v1/webhook/" + subscription + "/replay/")
                    .then().statusCode(200).body("scheduled", equalTo(2));
            await().atMost(DELIVERY).until(() -> receiver.received().size() == 4);
            assertEquals(Set.of(id(before), id(after)), receivedEventIds(receiver));
            api.request().body("{}").post("/api/v1/webhook/" + subscription + "/replay/").then().statusCode(400)
                    .body("'field-errors'.date_updated__gte", notNullValue());

            WebhookApi stranger = WebhookApi.member(api.organizationId);
            stranger.request().body("{\"date_updated__gte\": \"2020-01-01\"}")
                    .post("/api/v1/webhook/" + subscription + "/replay/").then().statusCode(404);
            stranger.request().post("/api/v1/webhook/" + subscription + "/delivery/" + delivery + "/redeliver/")
                    .then().statusCode(404);
        }
    }

    @Test
    void updatesFoldedBeforeTheirDeliveryGoOutAsOneEventAndAFoldAfterItIsAnEventOfItsOwn() {
        try (Receiver receiver = new Receiver()) {
            WebhookApi api = WebhookApi.admin(WebhookApi.newOrganization());
            api.subscribe(receiver.url(), "[{\"object_type\": \"lead\", \"action\": \"updated\"}]")
                    .then().statusCode(201);
            String lead = io.leadline.platform.id.Ids.longId("lead");
            Instant at = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            ObjectNode first = api.leadUpdated(lead, at, "name", "A", "B");
            ObjectNode second = api.leadUpdated(lead, at.plusMillis(500), "description", "Old", "B");
            // updates wait for the consolidation window (5 s) before delivery: both are in by then
            WebhookApi.publish(first, second);

            await().atMost(DELIVERY).until(() -> receiver.received().size() == 1);
            JsonObject delivered = receiver.received().get(0).json().getJsonObject("event");
            assertEquals(id(first), delivered.getString("id"));
            assertEquals(List.of("name", "description"), delivered.getJsonArray("changed_fields").getList());
            assertEquals(second.get("date_updated").asText(), delivered.getString("date_updated"));

            // within the window by its time, but the event already went out: it is not rewritten under the receiver
            ObjectNode third = api.leadUpdated(lead, at.plusSeconds(1), "url", "https://old.example", "B");
            WebhookApi.publish(third);
            await().atMost(DELIVERY).until(() -> receiver.received().size() == 2);
            assertEquals(id(third), receiver.received().get(1).eventId());
            api.request().get("/api/v1/event/" + id(first) + "/").then()
                    .body("changed_fields", equalTo(List.of("name", "description")));
        }
    }

    /** An event published and stored in the log (with the deliveries of the subscriptions existing then). */
    private static ObjectNode storedEvent(WebhookApi api, String displayName) {
        ObjectNode event = api.leadCreated(displayName);
        WebhookApi.publish(event);
        await().atMost(DELIVERY).until(() -> api.request().get("/api/v1/event/" + id(event) + "/").statusCode() == 200);
        return event;
    }

    private static Set<String> receivedEventIds(Receiver receiver) {
        return receiver.received().stream().map(Receiver.Received::eventId).collect(Collectors.toSet());
    }

    private static String id(ObjectNode event) {
        return event.get("id").asText();
    }

    /** What a Standard Webhooks verifier does: HMAC-SHA256 of {@code id.timestamp.body}, compared as {@code v1,<b64>}. */
    private static boolean standardWebhooksVerify(String secret, Receiver.Received request) throws Exception {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        String signed = request.headers().get("webhook-id") + "." + request.headers().get("webhook-timestamp") + "."
                + new String(request.body(), StandardCharsets.UTF_8);
        String expected = Base64.getEncoder().encodeToString(hmac(key, signed.getBytes(StandardCharsets.UTF_8)));
        return Stream.of(request.headers().get("webhook-signature").split(" "))
                .anyMatch(signature -> signature.equals("v1," + expected));
    }

    private static byte[] hmac(byte[] key, byte[] message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(message);
    }
}
