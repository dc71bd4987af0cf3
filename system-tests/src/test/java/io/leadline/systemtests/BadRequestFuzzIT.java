package io.leadline.systemtests;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A storm of generated bad requests through the gateway, against every endpoint of {@link #ENDPOINTS}: wrong types,
 * huge strings, NUL bytes and lone surrogates, dates PostgreSQL can't hold, huge numbers, bad ids, malformed query
 * strings and JSON, wrong methods, bad Content-Type and Accept headers. Every request must be answered within
 * {@link #ANSWER_WITHIN}, none with a 5xx, and an event written after the storm must still reach {@code /event/}.
 *
 * <p>Requests are generated from a seeded {@link Random} ({@code -Dleadline.fuzz.seed}, {@code
 * -Dleadline.fuzz.requests}), so a failure names the seed and the request and can be replayed. They are sent as raw
 * HTTP/1.1 over loopback, because HTTP clients refuse to send most of them.
 */
class BadRequestFuzzIT {

    private static final long SEED = Long.getLong("leadline.fuzz.seed", 14L);
    private static final int REQUESTS = Integer.getInteger("leadline.fuzz.requests", 3_000);
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);
    /** Each tenant has its own API key and rate limit; enough of them that the storm is rarely throttled. */
    private static final int TENANTS = 24;
    private static final String API = "/api/v1";

    /** An endpoint of the API: its collection, the kind of id its items take, its body fields and its filters. */
    private record Endpoint(String collection, String idKind, boolean listable, boolean creatable, boolean items,
                            String validBody, List<String> fields, List<String> filters) {
    }

    /**
     * Every endpoint the storm covers. An endpoint added later joins by being listed here. {@code validBody} is
     * a body the endpoint accepts ({@code LEAD} stands for a lead id of the tenant, {@code COTYPE} for a custom
     * object type's, {@code CATYPE} for a custom activity type's, {@code USER} for the tenant's user; {@code MEMBERSHIP}
     * and {@code GROUP} in a collection for the tenant's membership and group); the storm breaks one field of it.
     */
    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("/lead/", "lead", true, true, true, "{\"name\": \"Fuzz\"}",
                    List.of("name", "description", "url", "status_id", "status", "contacts", "addresses", "custom.cf_fuzz"),
                    List.of("id", "status_id", "date_created", "date_updated", "query")),
            new Endpoint("/contact/", "contact", true, true, true, "{\"lead_id\": \"LEAD\", \"name\": \"Ann\"}",
                    List.of("lead_id", "name", "title", "emails", "phones", "urls", "custom.cf_fuzz"),
                    List.of("id", "lead_id", "date_created")),
            new Endpoint("/opportunity/", "opportunity", true, true, true, "{\"lead_id\": \"LEAD\", \"value\": 100}",
                    List.of("lead_id", "status_id", "pipeline_id", "contact_id", "user_id", "value", "value_period",
                            "confidence", "note", "date_won", "date_lost", "custom.cf_fuzz"),
                    List.of("id", "lead_id", "user_id", "status_type", "value", "confidence", "date_won", "date_created",
                            "query", "lead_query")),
            new Endpoint("/task/", "task", true, true, true, "{\"lead_id\": \"LEAD\", \"text\": \"Call\"}",
                    List.of("lead_id", "contact_id", "text", "date", "due_date", "assigned_to", "is_complete", "_type"),
                    List.of("id", "lead_id", "assigned_to", "is_complete", "date", "due_date", "view")),
            new Endpoint("/status/lead/", "status_lead", true, true, true, "{\"label\": \"Fuzzed\"}",
                    List.of("label"), List.of()),
            new Endpoint("/status/opportunity/", "status_opportunity", true, true, true,
                    "{\"label\": \"Fuzzed\", \"type\": \"active\"}", List.of("label", "type", "pipeline_id"), List.of()),
            new Endpoint("/pipeline/", "pipeline", true, true, true, "{\"name\": \"Fuzzed\"}",
                    List.of("name", "statuses"), List.of()),
            new Endpoint("/integration_link/", "integration_link", true, true, true,
                    "{\"name\": \"Fuzz\", \"url\": \"https://fuzz.example/\", \"type\": \"lead\"}",
                    List.of("name", "url", "type"), List.of("id", "type")),
            new Endpoint("/custom_field/lead/", "custom_field", true, true, true,
                    "{\"name\": \"Fuzz\", \"type\": \"choices\", \"choices\": [\"a\"]}",
                    List.of("name", "description", "type", "accepts_multiple_values", "choices", "editable_with_roles",
                            "required", "back_reference_is_visible"),
                    List.of("id", "type")),
            new Endpoint("/custom_object_type/", "custom_object_type", true, true, true,
                    "{\"name\": \"Fuzz\", \"name_plural\": \"Fuzzes\"}",
                    List.of("name", "name_plural", "description", "api_create_only", "editable_with_roles", "is_archived"),
                    List.of("id")),
            new Endpoint("/custom_object/", "custom_object", true, true, true,
                    "{\"custom_object_type_id\": \"COTYPE\", \"lead_id\": \"LEAD\", \"name\": \"Fuzz\"}",
                    List.of("custom_object_type_id", "lead_id", "name", "custom.cf_fuzz"),
                    List.of("lead_id", "custom_object_type_id", "id")),
            new Endpoint("/saved_search/", "saved_search", true, true, true, "{\"name\": \"Fuzz\", \"query\": \"fuzz\"}",
                    List.of("name", "description", "type", "query", "s_query", "selected_fields", "is_shared",
                            "sharing_settings"),
                    List.of("id", "type", "type__in")),
            new Endpoint("/data/search/", null, false, true, false,
                    "{\"query\": {\"type\": \"and\", \"queries\": [{\"type\": \"object_type\", \"object_type\": \"lead\"},"
                            + " {\"type\": \"text\", \"value\": \"fuzz\"}]}, \"include_counts\": true}",
                    List.of("query", "_fields", "sort", "_limit", "results_limit", "include_counts", "cursor"), List.of()),
            new Endpoint("/lead/merge/", null, false, true, false, "{\"source\": \"LEAD\", \"destination\": \"LEAD\"}",
                    List.of("source", "destination"), List.of()),
            new Endpoint("/comment/", "comment", true, true, true, "{\"object_id\": \"LEAD\", \"body\": \"<p>Fuzz</p>\"}",
                    List.of("object_id", "body"), List.of("object_id", "thread_id")),
            new Endpoint("/comment_thread/", "comment_thread", true, false, true, "{}", List.of(),
                    List.of("ids", "object_ids")),
            new Endpoint("/user/", "user", true, false, true, "{}", List.of(), List.of("_order_by", "_skip", "_limit")),
            new Endpoint("/organization/", "organization", false, false, true, "{\"name\": \"Fuzz Org\"}",
                    List.of("name", "currency", "lead_statuses"), List.of()),
            new Endpoint("/role/", "role", true, true, true, "{\"name\": \"Fuzz Role\"}",
                    List.of("name", "permissions", "visibility_user_lcf_ids", "visibility_user_lcf_behavior"), List.of()),
            new Endpoint("/membership/", "membership", false, false, true, "{\"auto_record_calls\": \"unset\"}",
                    List.of("role_id", "auto_record_calls"), List.of()),
            new Endpoint("/membership/MEMBERSHIP/pinned_views/", null, true, false, false, "{\"saved_view_ids\": []}",
                    List.of("saved_view_ids"), List.of()),
            new Endpoint("/user/availability/", null, true, false, false, "{}", List.of(), List.of("organization_id")),
            new Endpoint("/group/", "group", true, true, true, "{\"name\": \"Fuzz Group\"}", List.of("name"),
                    List.of()),
            new Endpoint("/group/GROUP/member/", "user", false, true, true, "{\"user_id\": \"USER\"}",
                    List.of("user_id"), List.of()),
            new Endpoint("/webhook/", "webhook", true, true, true,
                    "{\"url\": \"http://127.0.0.1:9/hook\", \"status\": \"paused\","
                            + " \"events\": [{\"object_type\": \"lead\", \"action\": \"created\"}]}",
                    List.of("url", "events", "status", "verify_ssl"), List.of("id", "status")),
            new Endpoint("/activity/note/", "note", true, true, true, "{\"lead_id\": \"LEAD\", \"note\": \"Fuzz\"}",
                    List.of("lead_id", "contact_id", "note", "note_html", "title", "pinned", "activity_at", "attachments",
                            "date_created", "user_id", "organization_id"),
                    List.of("lead_id", "contact_id", "user_id", "activity_at__gte", "_type")),
            new Endpoint("/activity/call/", "call", true, true, true, "{\"lead_id\": \"LEAD\", \"duration\": 60}",
                    List.of("lead_id", "contact_id", "direction", "status", "disposition", "duration", "phone",
                            "local_phone", "remote_phone", "recording_url", "voicemail_url", "note_html", "outcome_id"),
                    List.of("lead_id", "contact_id", "user_id", "date_created__lt")),
            new Endpoint("/activity/email/", "email", true, true, true, "{\"lead_id\": \"LEAD\", \"status\": \"draft\"}",
                    List.of("lead_id", "contact_id", "status", "sender", "to", "cc", "bcc", "subject", "body_text",
                            "body_html", "attachments", "in_reply_to_id", "date_scheduled", "send_in", "followup_date"),
                    List.of("lead_id", "contact_id", "user_id", "date_created__lt")),
            new Endpoint("/activity/emailthread/", "emailthread", true, false, true, "{}", List.of(),
                    List.of("lead_id", "user_id", "date_created__gt")),
            new Endpoint("/activity/sms/", "sms", true, true, true, "{\"lead_id\": \"LEAD\", \"status\": \"draft\"}",
                    List.of("lead_id", "status", "direction", "source", "text", "local_phone", "remote_phone",
                            "attachments", "date_scheduled"),
                    List.of("lead_id", "user_id", "date_created__gte")),
            new Endpoint("/activity/whatsapp_message/", "whatsapp_message", true, true, true,
                    "{\"lead_id\": \"LEAD\", \"contact_id\": \"CONTACT\", \"direction\": \"incoming\","
                            + " \"external_whatsapp_message_id\": \"wamid.fuzz\", \"local_phone\": \"+14155550100\","
                            + " \"remote_phone\": \"+14155550123\", \"message_markdown\": \"Fuzz\","
                            + " \"activity_at\": \"2026-11-30T10:00:00+00:00\"}",
                    List.of("lead_id", "contact_id", "direction", "external_whatsapp_message_id", "local_phone",
                            "remote_phone", "message_markdown", "activity_at", "response_to_id", "integration_link",
                            "attachments"),
                    List.of("lead_id", "external_whatsapp_message_id", "date_created__lt")),
            new Endpoint("/activity/custom/", "custom", true, true, true,
                    "{\"lead_id\": \"LEAD\", \"custom_activity_type_id\": \"CATYPE\", \"status\": \"draft\"}",
                    List.of("lead_id", "contact_id", "custom_activity_type_id", "status", "activity_at"),
                    List.of("lead_id", "custom_activity_type_id", "custom_activity_type_id__in", "user_id")),
            // the organization's outgoing mail server: one object at a fixed path (PUT, GET, DELETE)
            new Endpoint("/connected_account/", "organization_smtp", false, false, true,
                    "{\"host\": \"127.0.0.1\", \"port\": 9}",
                    List.of("host", "port", "username", "password", "start_tls", "tls"), List.of()),
            new Endpoint("/activity/meeting/", null, true, false, false, "{}", List.of(),
                    List.of("lead_id", "user_id", "activity_at__gt")),
            new Endpoint("/activity/form_submission/", null, true, false, false, "{}", List.of(),
                    List.of("lead_id", "form_id", "date_created__gte")),
            new Endpoint("/activity/", null, true, false, false, "{}", List.of(),
                    List.of("lead_id", "lead_id__in", "contact_id", "user_id", "_type", "_type__in", "id__in",
                            "activity_at__gt", "thread_emails")),
            new Endpoint("/event/", "event", true, false, true, "{}", List.of(),
                    List.of("object_type", "object_id", "lead_id", "action", "user_id", "request_id", "date_updated__gt",
                            "date_updated__lte", "_cursor")));

    private static final List<String> BAD_VALUES = List.of(
            "\"" + "x".repeat(256) + "\"", "\"" + "x".repeat(2_001) + "\"", "\"" + "x".repeat(100_001) + "\"",
            "\"" + "x".repeat(300_000) + "\"", "\"a\\u0000b\"", "\"\\u0000\"", "\"\\ud800\"", "\"x\\udfffy\"",
            "1e30", "1e400", "-1e400", "123456789012345678901234567890", "-9223372036854775809", "9223372036854775807",
            "12.5", "-1", "0", "\"+300000-01-01\"", "\"0000-01-01\"", "\"9999-12-31T23:59:59-14:00\"", "\"2024-13-45\"",
            "\"+294277-01-01T00:00:00+00:00\"", "\"-004713-01-01\"", "[]", "{}", "true", "null",
            "[" + String.join(",", Collections.nCopies(150, "{}")) + "]", "[\"a\", 1, null]", "{\"id\": \"\\u0000\"}",
            "[{\"email\": \"\\u0000\"}]", "[{\"id\": \"" + "s".repeat(70) + "\"}]", "\"lead_" + "x".repeat(60) + "\"",
            "[" + "[".repeat(40) + "]".repeat(40) + "]");
    private static final List<String> BAD_QUERY_VALUES = List.of(
            "%00", "a%00b", "%ED%A0%80", "%2B300000-01-01", "%2B300000-01-01T00:00:00Z", "0000-01-01", "10000-01-01",
            "99999999999999999999", "-1", "1e30", "x".repeat(3_000), "%FF%FE", "", "true", "lead_%00,lead_x",
            "2024-05-01,%2B99999-01-01", "-%00", "%C0%80", "bHVs", "MTpuOjkyMjMzNzIwMzY4NTQ3NzU4MDc6ZXZudF94");
    private static final List<String> BAD_IDS = List.of(
            "%00", "lead_%00", "x".repeat(500), "%ED%A0%80", "..%2F..", "lead_%C0%80", "%2F", "+1", "-1", "%20", "null");
    private static final List<String> BAD_BODIES = List.of(
            "not json", "{", "{\"name\": }", "[1, 2]", "\"text\"", "", "{\"name\": \"Half", "{\"a\":1}}",
            "{\"name\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}", "{\"value\": " + "9".repeat(5_000) + "}",
            "\u0000", "{\"name\": \"\\uZZZZ\"}", "{\"name\": \"" + "n".repeat(2 << 20) + "\"}");

    @Test
    void noBadRequestDrawsA5xxOrHangsAndEventsStillFlow() {
        List<Tenant> tenants = new ArrayList<>();
        List<Map<String, String>> ids = new ArrayList<>();
        for (int i = 0; i < TENANTS; i++) {
            Tenant tenant = Tenant.create("Fuzz " + i);
            tenants.add(tenant);
            ids.add(fixtures(tenant));
        }
        URI gateway = URI.create(Stack.get().gatewayUrl());
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new HashMap<>();
        long[] slowest = {0};

        assertTimeoutPreemptively(Duration.ofMinutes(10), () -> {
            for (int n = 0; n < REQUESTS; n++) {
                int which = n % TENANTS;
                String request = generate(random, ids.get(which));
                Answer answer = send(gateway, tenants.get(which), request);
                for (int retry = 1; answer.status() == 429 && retry < TENANTS; retry++) {
                    // throttled: the same request with the next tenant's key (its ids then answer 404, also fine)
                    answer = send(gateway, tenants.get((which + retry) % TENANTS), request);
                }
                statuses.merge(answer.status(), 1, Integer::sum);
                slowest[0] = Math.max(slowest[0], answer.millis());
                if (answer.status() >= 500 || answer.status() < 0) {
                    failures.add("#" + n + " (seed " + SEED + ") " + firstLine(request) + " -> " + answer.head());
                }
            }
        });

        System.out.printf("BadRequestFuzzIT: %d requests (seed %d), statuses %s, slowest %d ms%n",
                REQUESTS, SEED, statuses, slowest[0]);
        assertThat(failures).as("requests answered 5xx or not within %s", ANSWER_WITHIN).isEmpty();
        assertThat(statuses.getOrDefault(429, 0)).as("requests still throttled after trying every key")
                .isLessThan(REQUESTS / 10);

        Tenant after = Tenant.create("After the storm");
        String leadId = after.api().body(Map.of("name", "Calm")).post("/lead/").then().statusCode(200)
                .extract().path("id");
        List<Object> events = Eventually.await(
                () -> after.api().queryParam("lead_id", leadId).queryParam("object_type", "lead").get("/event/")
                        .then().statusCode(200)
                        .extract().jsonPath().getList("data"),
                list -> !list.isEmpty(), Duration.ofSeconds(60));
        assertThat(events).hasSize(1);
    }

    /** Ids of real objects of the tenant, so bad requests reach existing rows too. */
    private static Map<String, String> fixtures(Tenant tenant) {
        Map<String, String> ids = new HashMap<>();
        JsonPath lead = tenant.api().body(Map.of("name", "Fixture", "contacts", List.of(Map.of("name", "Ann"))))
                .post("/lead/").then().statusCode(200).extract().jsonPath();
        ids.put("lead", lead.getString("id"));
        ids.put("contact", lead.getString("contacts[0].id"));
        ids.put("opportunity", tenant.api().body(Map.of("lead_id", ids.get("lead"), "value", 100)).post("/opportunity/")
                .then().statusCode(200).extract().path("id"));
        ids.put("task", tenant.api().body(Map.of("lead_id", ids.get("lead"), "text", "Call")).post("/task/")
                .then().statusCode(200).extract().path("id"));
        ids.put("integration_link", tenant.api().body(Map.of("name", "L", "url", "https://l.example/", "type", "lead"))
                .post("/integration_link/").then().statusCode(200).extract().path("id"));
        ids.put("custom_field", tenant.api().body(Map.of("name", "Fixture", "type", "text"))
                .post("/custom_field/lead/").then().statusCode(200).extract().path("id"));
        ids.put("custom_object_type", tenant.api().body(Map.of("name", "Fixture", "name_plural", "Fixtures"))
                .post("/custom_object_type/").then().statusCode(201).extract().path("id"));
        ids.put("custom_object", tenant.api().body(Map.of("custom_object_type_id", ids.get("custom_object_type"),
                        "lead_id", ids.get("lead"), "name", "Fixture"))
                .post("/custom_object/").then().statusCode(201).extract().path("id"));
        ids.put("status_lead", tenant.api().get("/status/lead/").then().statusCode(200).extract().path("data[0].id"));
        ids.put("status_opportunity", tenant.api().get("/status/opportunity/").then().statusCode(200)
                .extract().path("data[0].id"));
        ids.put("pipeline", tenant.api().get("/pipeline/").then().statusCode(200).extract().path("data[0].id"));
        JsonPath comment = tenant.api().body(Map.of("object_id", ids.get("lead"), "body", "<p>Fixture</p>"))
                .post("/comment/").then().statusCode(201).extract().jsonPath();
        ids.put("comment", comment.getString("id"));
        ids.put("comment_thread", comment.getString("thread_id"));
        ids.put("webhook", tenant.api().body(Map.of("url", "http://127.0.0.1:9/hook", "status", "paused",
                        "events", List.of(Map.of("object_type", "lead", "action", "created"))))
                .post("/webhook/").then().statusCode(201).extract().path("id"));
        ids.put("saved_search", tenant.api().body(Map.of("name", "Fixture", "query", "fixture"))
                .post("/saved_search/").then().statusCode(200).extract().path("id"));
        ids.put("event", "evnt_" + "0".repeat(22));
        ids.put("role", tenant.api().body(Map.of("name", "Fixture Role")).post("/role/").then().statusCode(201)
                .extract().path("id"));
        ids.put("membership", tenant.api().get("/me/").then().statusCode(200).extract().path("memberships[0].id"));
        ids.put("user", tenant.userId());
        ids.put("group", tenant.api().body(Map.of("name", "Fixture Group")).post("/group/").then().statusCode(201)
                .extract().path("id"));
        ids.put("organization", tenant.organizationId());
        ids.put("note", tenant.api().body(Map.of("lead_id", ids.get("lead"), "note", "Fixture")).post("/activity/note/")
                .then().statusCode(200).extract().path("id"));
        ids.put("call", tenant.api().body(Map.of("lead_id", ids.get("lead"))).post("/activity/call/")
                .then().statusCode(200).extract().path("id"));
        JsonPath email = tenant.api().body(Map.of("lead_id", ids.get("lead"), "status", "draft", "subject", "Fixture"))
                .post("/activity/email/").then().statusCode(200).extract().jsonPath();
        ids.put("email", email.getString("id"));
        ids.put("emailthread", email.getString("thread_id"));
        ids.put("sms", tenant.api().body(Map.of("lead_id", ids.get("lead"), "status", "draft")).post("/activity/sms/")
                .then().statusCode(200).extract().path("id"));
        ids.put("whatsapp_message", tenant.api().body(Map.of("lead_id", ids.get("lead"), "contact_id", ids.get("contact"),
                        "direction", "incoming", "external_whatsapp_message_id", "wamid.fixture",
                        "local_phone", "+14155550100", "remote_phone", "+14155550123", "message_markdown", "Fixture",
                        "activity_at", "2026-11-30T10:00:00+00:00"))
                .post("/activity/whatsapp_message/").then().statusCode(200).extract().path("id"));
        ids.put("custom_activity_type", tenant.api().body(Map.of("name", "Fixture")).post("/custom_activity/")
                .then().statusCode(201).extract().path("id"));
        ids.put("custom", tenant.api().body(Map.of("lead_id", ids.get("lead"), "custom_activity_type_id",
                        ids.get("custom_activity_type"), "status", "draft"))
                .post("/activity/custom/").then().statusCode(200).extract().path("id"));
        ids.put("organization_smtp", "organization_smtp");
        return ids;
    }

    /** One bad request as raw HTTP without the Host, Authorization and Connection headers. */
    private static String generate(Random random, Map<String, String> ids) {
        Endpoint endpoint = ENDPOINTS.get(random.nextInt(ENDPOINTS.size()));
        Function<String, String> withIds = body -> body.replace("LEAD", ids.get("lead"))
                .replace("COTYPE", ids.get("custom_object_type"))
                .replace("CATYPE", ids.get("custom_activity_type"))
                .replace("CONTACT", ids.get("contact"))
                .replace("USER", ids.get("user"))
                .replace("MEMBERSHIP", ids.get("membership"))
                .replace("GROUP", ids.get("group"));
        String collection = withIds.apply(endpoint.collection());
        String item = endpoint.items() ? collection + ids.get(endpoint.idKind()) + "/" : null;
        return switch (random.nextInt(8)) {
            case 0, 1 -> {
                // one field of a valid body broken
                if (endpoint.fields().isEmpty()) {
                    yield get(collection + "?_limit=" + pick(random, BAD_QUERY_VALUES));
                }
                String body = withIds.apply(endpoint.validBody());
                String field = pick(random, endpoint.fields());
                String broken = body.substring(0, body.length() - 1) + (body.length() > 2 ? ", " : "")
                        + "\"" + field + "\": " + pick(random, BAD_VALUES) + "}";
                boolean update = item != null && random.nextBoolean();
                yield withBody(update ? "PUT" : "POST", update ? item : collection, "application/json", broken);
            }
            case 2 -> {
                String path = endpoint.creatable() && random.nextBoolean() ? collection : item;
                yield withBody(random.nextBoolean() || item == null ? "POST" : "PUT",
                        path == null ? collection : path, "application/json", pick(random, BAD_BODIES));
            }
            case 3 -> {
                // a filter or meta parameter with a bad value
                List<String> names = new ArrayList<>(endpoint.filters());
                names.addAll(List.of("_limit", "_skip", "_fields", "_order_by", "nope", "id__in", "date_created__gt"));
                String name = pick(random, names) + (random.nextInt(4) == 0 ? pick(random, List.of("__in", "__gt", "__lte", "__x")) : "");
                yield get(collection + "?" + name + "=" + pick(random, BAD_QUERY_VALUES)
                        + (random.nextBoolean() ? "&_fields=" + pick(random, BAD_QUERY_VALUES) : ""));
            }
            case 4 -> {
                String id = pick(random, BAD_IDS);
                String method = pick(random, List.of("GET", "PUT", "DELETE"));
                String path = collection + id + "/";
                yield method.equals("PUT") ? withBody("PUT", path, "application/json", "{\"name\": \"x\"}")
                        : method + " " + path + " HTTP/1.1\r\n\r\n";
            }
            case 5 -> {
                // a method the endpoint doesn't have
                String method = pick(random, List.of("PATCH", "PUT", "DELETE", "POST"));
                String path = method.equals("POST") && item != null ? item : collection;
                yield withBody(method, path, "application/json", withIds.apply(endpoint.validBody()));
            }
            case 6 -> {
                String contentType = pick(random, List.of("application/json; charset=klingon", "application",
                        "text/plain", "application/json; charset=\"", ";;;", "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=x"));
                String accept = random.nextBoolean() ? pick(random, List.of("application", "text/html", "*/*;q=x;;\"",
                        "application/json;q=2")) : null;
                String request = withBody(endpoint.creatable() ? "POST" : "GET", collection, contentType,
                        withIds.apply(endpoint.validBody()));
                yield accept == null ? request : request.replaceFirst("\r\n", "\r\nAccept: " + accept + "\r\n");
            }
            default -> {
                // a percent-escape or character the URL can't hold (the gateway's HTTP layer may refuse it outright)
                String bad = pick(random, List.of("%zz", "%", "%E0%A4%A", "%u0041", "%%", "%0", "a b"));
                yield random.nextBoolean() ? get(collection + "?id=" + bad)
                        : get(collection + bad + "/");
            }
        };
    }

    private static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\n\r\n";
    }

    private static String withBody(String method, String path, String contentType, String body) {
        int length = body.getBytes(StandardCharsets.UTF_8).length;
        return method + " " + path + " HTTP/1.1\r\nContent-Type: " + contentType + "\r\nContent-Length: " + length
                + "\r\n\r\n" + body;
    }

    private static <T> T pick(Random random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private static String firstLine(String request) {
        String line = request.substring(0, request.indexOf("\r\n"));
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    /** The status (-1 when none came in time), the response head, and how long it took. */
    private record Answer(int status, String head, long millis) {
    }

    private static Answer send(URI gateway, Tenant tenant, String request) throws IOException {
        String auth = Base64.getEncoder().encodeToString((tenant.apiKey() + ":").getBytes(StandardCharsets.UTF_8));
        // every generated path is relative to the API's base path
        String line = request.substring(0, request.indexOf("\r\n") + 2);
        int space = line.indexOf(' ');
        String prefix = line.substring(0, space + 1) + API + line.substring(space + 1);
        String full = prefix + "Host: localhost\r\nAuthorization: Basic " + auth + "\r\nConnection: close\r\n"
                + request.substring(line.length());
        long start = System.nanoTime();
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout((int) ANSWER_WITHIN.toMillis());
            OutputStream out = socket.getOutputStream();
            try {
                out.write(full.getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException refusedMidBody) {
                // the server answered (413) and closed before the whole body was sent: read its answer
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int read; (read = in.read(buffer)) != -1; ) {
                received.write(buffer, 0, read);
                if (received.size() > 1 << 20) {
                    break;
                }
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            String text = received.toString(StandardCharsets.ISO_8859_1);
            if (!text.startsWith("HTTP/1.1 ") && !text.startsWith("HTTP/1.0 ")) {
                return new Answer(-1, "no HTTP answer: " + abbreviate(text), millis);
            }
            int headEnd = text.indexOf("\r\n\r\n");
            return new Answer(Integer.parseInt(text.substring(9, 12)), abbreviate(headEnd < 0 ? text : text.substring(0, headEnd)), millis);
        } catch (SocketTimeoutException timeout) {
            return new Answer(-1, "no answer within " + ANSWER_WITHIN, (System.nanoTime() - start) / 1_000_000);
        }
    }

    private static String abbreviate(String text) {
        String line = text.replace("\r\n", " | ");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
