package io.leadline.events.eventlog;

import io.leadline.platform.testing.KafkaServiceTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static io.leadline.events.eventlog.EventFixtures.newOrganization;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

/**
 * What a client can put in an event-log query that PostgreSQL can't take answers 400: each of these was a 500 from
 * the database (timestamp out of range, invalid byte sequence 0x00).
 */
@QuarkusTest
@TestProfile(KafkaServiceTestProfile.class)
class BadEventQueryTest {

    @Test
    void forgedCursorsOutsideTheDatabasesRangeAreInvalid() {
        EventLogApi api = EventLogApi.admin(newOrganization());
        api.list(Map.of("_cursor", cursor("1:n:" + Long.MAX_VALUE + ":evnt_x"))).then().statusCode(400)
                .body("field-errors._cursor", equalTo("Invalid cursor."));
        api.list(Map.of("_cursor", cursor("1:n:" + Long.MIN_VALUE + ":evnt_x"))).then().statusCode(400)
                .body("field-errors._cursor", equalTo("Invalid cursor."));
        api.list(Map.of("_cursor", cursor("1:n:1700000000000000:evnt_\u0000x"))).then().statusCode(400)
                .body("field-errors._cursor", equalTo("Invalid cursor."));
        api.list(Map.of("_cursor", cursor("1:n:1700000000000000:evnt_x"))).then().statusCode(200);
    }

    @Test
    void datesBeyondYear9999AndNulBytesInFiltersAreRefused() {
        EventLogApi api = EventLogApi.admin(newOrganization());
        api.list(Map.of("date_updated__gt", "+300000-01-01T00:00:00Z")).then().statusCode(400)
                .body("field-errors", hasKey("date_updated__gt"));
        api.list(Map.of("date_updated__lt", "10000-01-01")).then().statusCode(400)
                .body("field-errors", hasKey("date_updated__lt"));
        given().header("Authorization", "Bearer " + io.leadline.platform.testing.InternalTokens.mint(api.organizationId(), "user_x"))
                .urlEncodingEnabled(false).get("/api/v1/event/?object_id=lead_%00").then().statusCode(400)
                .body("field-errors.object_id", notNullValue());
        given().header("Authorization", "Bearer " + io.leadline.platform.testing.InternalTokens.mint(api.organizationId(), "user_x"))
                .urlEncodingEnabled(false).get("/api/v1/event/evnt_%00/").then().statusCode(400)
                .body("errors", notNullValue());
    }

    private static String cursor(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
