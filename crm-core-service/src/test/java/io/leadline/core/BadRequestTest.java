package io.leadline.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadline.platform.testing.ServiceTestProfile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests a client gets wrong, or sends to break us, answer Close-shaped 4xx and write nothing: over-long strings,
 * NUL bytes and unpaired surrogates, numbers and dates PostgreSQL can't hold, malformed HTTP. Without the limits
 * each of these reached PostgreSQL or the catch-all mapper and answered 500.
 */
@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class BadRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Database database;

    @Inject
    Pool pool;

    @TestHTTPResource("/")
    URL root;

    @Test
    void overLongStringsForVarcharColumnsAreFieldErrors() {
        TestOrganizations org = TestOrganizations.provisioned();
        String leadId = createLead(org);
        String label = "x".repeat(256);
        String id = "u".repeat(65);

        refused(org.request().body("{\"label\": \"" + label + "\"}").post("/api/v1/status/lead/"), "label");
        refused(org.request().body("{\"label\": \"" + label + "\", \"type\": \"active\"}")
                .post("/api/v1/status/opportunity/"), "label");
        refused(org.request().body("{\"name\": \"" + label + "\"}").post("/api/v1/pipeline/"), "name");
        refused(org.request().body("{\"name\": \"" + label + "\", \"url\": \"https://x.example/\", \"type\": \"lead\"}")
                .post("/api/v1/integration_link/"), "name");
        refused(org.request().body("{\"lead_id\": \"" + leadId + "\", \"user_id\": \"" + id + "\"}")
                .post("/api/v1/opportunity/"), "user_id");
        refused(org.request().body("{\"lead_id\": \"" + leadId + "\", \"text\": \"Call\", \"assigned_to\": \"" + id + "\"}")
                .post("/api/v1/task/"), "assigned_to");
        assertEquals(1, database.count("lead", org.organizationId()), "nothing but the fixture lead was written");
        assertEquals(0, database.count("opportunity", org.organizationId()));
        assertEquals(0, database.count("task", org.organizationId()));
    }

    @Test
    void bodiesAndArraysHaveBoundedSizes() {
        TestOrganizations org = TestOrganizations.provisioned();
        refused(org.request().body("{\"name\": \"Acme\", \"description\": \"" + "d".repeat(100_001) + "\"}")
                .post("/api/v1/lead/"), "description");
        String contacts = String.join(", ", Collections.nCopies(101, "{\"name\": \"Ann\"}"));
        refused(org.request().body("{\"name\": \"Acme\", \"contacts\": [" + contacts + "]}").post("/api/v1/lead/"),
                "contacts");
        String emails = String.join(", ", Collections.nCopies(51, "{\"email\": \"a@b.example\"}"));
        refused(org.request().body("{\"name\": \"Ann\", \"emails\": [" + emails + "]}").post("/api/v1/contact/"),
                "emails");
        refused(org.request().body("{\"name\": \"Acme\", \"custom.cf_notes\": \"" + "c".repeat(10_001) + "\"}")
                .post("/api/v1/lead/"), "custom.cf_notes");
        assertEquals(0, database.rowsOf(org.organizationId()));

        // A body over the cap never reaches the resource: 413 in Close's error shape.
        org.request().body("{\"name\": \"" + "n".repeat(2 * 1024 * 1024) + "\"}").post("/api/v1/lead/")
                .then().statusCode(413).body("error", notNullValue());
    }

    @Test
    void nulBytesAndUnpairedSurrogatesAreRefusedWhereverTheyArrive() {
        TestOrganizations org = TestOrganizations.provisioned();
        refused(org.request().body("{\"name\": \"Ac\\u0000me\"}").post("/api/v1/lead/"), "name");
        refused(org.request().body("{\"name\": \"Ac\\ud800me\"}").post("/api/v1/lead/"), "name");
        refused(org.request().body("{\"name\": \"Acme\", \"contacts\": [{\"name\": \"\\udc00\"}]}").post("/api/v1/lead/"),
                "contacts.0.name");
        assertEquals(0, database.rowsOf(org.organizationId()));

        org.request().urlEncodingEnabled(false).get("/api/v1/lead/lead_%00/").then().statusCode(400)
                .body("errors", notNullValue());
        org.request().urlEncodingEnabled(false).get("/api/v1/lead/?id=a%00b").then().statusCode(400);
        org.request().urlEncodingEnabled(false).get("/api/v1/lead/?_fields=name%00").then().statusCode(400);
        org.request().urlEncodingEnabled(false).get("/api/v1/opportunity/?user_id=%00").then().statusCode(400);
    }

    @Test
    void numbersOutsideTheirRangeAreRefused() {
        TestOrganizations org = TestOrganizations.provisioned();
        String leadId = createLead(org);
        for (String value : new String[] {"1e30", "9223372036854775807", "1000000000000001", "12.5", "\"12abc\""}) {
            refused(org.request().body("{\"lead_id\": \"" + leadId + "\", \"value\": " + value + "}")
                    .post("/api/v1/opportunity/"), "value");
        }
        assertEquals(0, database.count("opportunity", org.organizationId()));
        org.request().body("{\"lead_id\": \"" + leadId + "\", \"value\": 1e15}").post("/api/v1/opportunity/")
                .then().statusCode(200).body("value", equalTo(1_000_000_000_000_000L));
    }

    @Test
    void opportunityTotalsNeverOverflow() throws IOException {
        TestOrganizations org = TestOrganizations.provisioned();
        String leadId = createLead(org);
        for (int i = 0; i < 2; i++) {
            String id = org.request().body("{\"lead_id\": \"" + leadId + "\", \"value\": 100, \"value_period\": \"monthly\","
                    + " \"confidence\": 90}").post("/api/v1/opportunity/").then().statusCode(200).extract().path("id");
            // Rows written before values were bounded may hold anything a bigint can.
            pool.preparedQuery("update opportunity set value = $1 where id = $2")
                    .execute(Tuple.of(Long.MAX_VALUE / 2, id)).await().indefinitely();
        }

        String body = org.request().get("/api/v1/opportunity/").then().statusCode(200).extract().asString();

        JsonNode totals = JSON.readTree(body);
        BigInteger each = BigInteger.valueOf(Long.MAX_VALUE / 2);
        assertEquals(each.multiply(BigInteger.TWO), totals.get("total_value_monthly").bigIntegerValue());
        assertEquals(each.multiply(BigInteger.valueOf(24)), totals.get("total_value_annualized").bigIntegerValue());
        BigInteger expected = each.multiply(BigInteger.valueOf(90)).divide(BigInteger.valueOf(100)).multiply(BigInteger.TWO);
        assertEquals(expected, totals.get("expected_value_monthly").bigIntegerValue());
    }

    @Test
    void datesOutsideYearsOneToNineThousandNineHundredNinetyNineAreRefused() {
        TestOrganizations org = TestOrganizations.provisioned();
        String leadId = createLead(org);
        refused(org.request().body("{\"lead_id\": \"" + leadId + "\", \"text\": \"Call\","
                + " \"date\": \"+294277-01-01T00:00:00+00:00\"}").post("/api/v1/task/"), "date");
        refused(org.request().body("{\"lead_id\": \"" + leadId + "\", \"date_won\": \"+300000-01-01\"}")
                .post("/api/v1/opportunity/"), "date_won");
        refused(org.request().body("{\"lead_id\": \"" + leadId + "\", \"date_won\": \"0000-01-01\"}")
                .post("/api/v1/opportunity/"), "date_won");
        assertEquals(0, database.count("task", org.organizationId()));

        org.request().urlEncodingEnabled(false).get("/api/v1/lead/?date_created__gt=%2B300000-01-01T00:00:00Z")
                .then().statusCode(400).body("field-errors", hasKey("date_created__gt"));
        org.request().urlEncodingEnabled(false).get("/api/v1/opportunity/?date_won=%2B300000-01-01")
                .then().statusCode(400).body("field-errors", hasKey("date_won"));
    }

    @Test
    void malformedHttpIsAClientErrorNotABug() throws IOException {
        TestOrganizations org = TestOrganizations.provisioned();
        String auth = "Authorization: Bearer " + org.token() + "\r\n";

        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        // 0: anything but a 5xx (an answer in Close's shape; decoding to U+FFFD or ignoring a bad q-value is fine).
        // -400: a 400 without a body. The first two never reach the service: Vert.x refuses a request line java.net.URI can't parse
        // with a bodiless 400 and closes the connection (no application code can shape that answer).
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("GET /api/v1/lead/?id=%zz HTTP/1.1\r\n" + auth + "\r\n", -400);
        expected.put("GET /api/v1/lead/%E0%A4%A/ HTTP/1.1\r\n" + auth + "\r\n", -400);
        expected.put("GET /api/v1/lead/?id=%ED%A0%80 HTTP/1.1\r\n" + auth + "\r\n", 0);
        expected.put("GET /api/v1/lead/%FF%FE/ HTTP/1.1\r\n" + auth + "\r\n", 0);
        expected.put(post(auth, "application/json; charset=klingon", "{\"name\": \"Acme\"}"), 415);
        expected.put(post(auth, "application/json; charset=\"", "{\"name\": \"Acme\"}"), 415);
        expected.put(post(auth, "application", "{\"name\": \"Acme\"}"), 415);
        expected.put(post(auth, ";;;", "{\"name\": \"Acme\"}"), 415);
        expected.put(post(auth + "Accept: application\r\n", "application/json", "{\"name\": \"Acme\"}"), 406);
        expected.put(post(auth + "Accept: */*;q=x;;\"\r\n", "application/json", "{\"name\": 42}"), 0);
        expected.put(post(auth + "Accept: text/html\r\n", "application/json", "{\"name\": \"Acme\"}"), 406);
        expected.put(post(auth, "application/json", "this is not json"), 400);
        expected.put(post(auth, "application/json", "[1, 2]"), 400);
        expected.put(post(auth, "text/plain", "{\"name\": \"Acme\"}"), 415);
        expected.put(post(auth, "application/json", "{\"name\": " + deep + "}"), 400);
        expected.put(post(auth, "application/json", "{\"name\": " + "9".repeat(5_000) + "}"), 400);
        expected.put(post(auth, "application/json", "{\"name\": \"\\ud800\"}"), 400);
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Integer> request : expected.entrySet()) {
            RawResponse response = raw(request.getKey());
            int want = request.getValue();
            boolean statusOk = want == 0 ? response.status() < 500
                    : response.status() == Math.abs(want);
            // -400: refused below the application, without a body.
            boolean shapeOk = want < 0 || (want == 0 && response.status() < 400) || isCloseShaped(response.body());
            if (!statusOk || !shapeOk) {
                wrong.add(request.getKey().lines().findFirst().orElseThrow() + " -> " + response.text());
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(0, database.rowsOf(org.organizationId()));
    }

    private static String post(String headers, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return "POST /api/v1/lead/ HTTP/1.1\r\n" + headers + "Content-Type: " + contentType + "\r\n"
                + "Content-Length: " + bytes.length + "\r\n\r\n" + body;
    }

    private static String createLead(TestOrganizations org) {
        return org.request().body("{\"name\": \"Acme\"}").post("/api/v1/lead/").then().statusCode(200)
                .extract().path("id");
    }

    private static void refused(io.restassured.response.Response response, String field) {
        ValidatableResponse then = response.then();
        then.statusCode(400).body("field-errors", hasKey(field));
    }

    private static boolean isCloseShaped(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            return json != null && (json.has("error") || json.has("field-errors"));
        } catch (IOException notJson) {
            return false;
        }
    }

    /** What a raw HTTP/1.1 exchange answered: HTTP clients refuse to send most of these requests. */
    private record RawResponse(int status, String text) {
        String body() {
            return text.substring(text.indexOf("\r\n\r\n") + 4);
        }
    }

    private RawResponse raw(String request) throws IOException {
        String head = request.replaceFirst("\r\n", "\r\nHost: localhost\r\nConnection: close\r\n");
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            in.transferTo(received);
            String text = received.toString(StandardCharsets.UTF_8);
            Matcher status = Pattern.compile("^HTTP/1\\.1 (\\d{3})").matcher(text);
            assertTrue(status.find(), text);
            return new RawResponse(Integer.parseInt(status.group(1)), dechunk(text));
        }
    }

    /** The body of a chunked answer joined, so it can be read as JSON. */
    private static String dechunk(String text) {
        int split = text.indexOf("\r\n\r\n");
        String head = text.substring(0, split);
        if (!head.toLowerCase().contains("transfer-encoding: chunked")) {
            return text;
        }
        StringBuilder body = new StringBuilder();
        String rest = text.substring(split + 4);
        while (!rest.isEmpty()) {
            int lineEnd = rest.indexOf("\r\n");
            int size = Integer.parseInt(rest.substring(0, lineEnd).trim(), 16);
            if (size == 0) {
                break;
            }
            body.append(rest, lineEnd + 2, lineEnd + 2 + size);
            rest = rest.substring(lineEnd + 2 + size + 2);
        }
        return head + "\r\n\r\n" + body;
    }
}
