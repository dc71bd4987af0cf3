package io.leadline.core.task;

import io.leadline.core.Database;
import io.leadline.core.TestOrganizations;
import io.leadline.platform.testing.ServiceTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class TaskListTest {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    @Inject
    Database database;

    @Test
    void listsLeadTasksUnlessOtherTypesAreAskedFor() {
        TestOrganizations org = TestOrganizations.provisioned();
        String leadId = TaskFixtures.leadId(org);
        TaskFixtures.task(org, leadId, "\"text\": \"plain\"");
        TaskFixtures.task(org, leadId, "\"_type\": \"outgoing_call\", \"text\": \"call\"");

        org.request().get("/api/v1/task/").then().statusCode(200)
                .body("data.text", contains("plain")).body("has_more", equalTo(false));
        org.request().queryParam("_type", "all").get("/api/v1/task/").then().statusCode(200)
                .body("data.text", containsInAnyOrder("plain", "call"));
        org.request().queryParam("_type", "outgoing_call").get("/api/v1/task/").then().statusCode(200)
                .body("data.text", contains("call"));
        org.request().queryParam("_type__in", "lead,outgoing_call").get("/api/v1/task/").then().statusCode(200)
                .body("data", hasSize(2));
        org.request().queryParam("_type__in", "missed_call").get("/api/v1/task/").then().statusCode(200)
                .body("data", hasSize(0));
        org.request().queryParam("_type", "bogus").get("/api/v1/task/").then().statusCode(400)
                .body("'field-errors'", hasKey("_type"));
        org.request().queryParam("view", "someday").get("/api/v1/task/").then().statusCode(400)
                .body("'field-errors'", hasKey("view"));
        org.request().queryParam("colour", "red").get("/api/v1/task/").then().statusCode(400);
    }

    @Test
    void ordersByDateWithDayTasksBeforeTimedOnesAndDatelessLast() {
        TestOrganizations org = TestOrganizations.provisioned();
        String leadId = TaskFixtures.leadId(org);
        TaskFixtures.task(org, leadId, "\"text\": \"dateless\"");
        TaskFixtures.task(org, leadId, "\"text\": \"may 1 noon\", \"date\": \"2024-05-01T12:00:00+00:00\"");
        TaskFixtures.task(org, leadId, "\"text\": \"may 2\", \"date\": \"2024-05-02\"");
        TaskFixtures.task(org, leadId, "\"text\": \"may 1 midnight\", \"date\": \"2024-05-01T00:00:00+00:00\"");
        TaskFixtures.task(org, leadId, "\"text\": \"may 1\", \"date\": \"2024-05-01\"");

        org.request().get("/api/v1/task/").then().statusCode(200)
                .body("data.text", contains("may 1", "may 1 midnight", "may 1 noon", "may 2", "dateless"));
        org.request().queryParam("_order_by", "-date").get("/api/v1/task/").then().statusCode(200)
                .body("data.text", contains("dateless", "may 2", "may 1 noon", "may 1 midnight", "may 1"));
        org.request().queryParam("_order_by", "date_created").get("/api/v1/task/").then().statusCode(200)
                .body("data.text", contains("dateless", "may 1 noon", "may 2", "may 1 midnight", "may 1"));
        org.request().queryParam("_order_by", "-date_created").queryParam("_limit", 2).get("/api/v1/task/")
                .then().statusCode(200)
                .body("data.text", contains("may 1", "may 1 midnight"))
                .body("has_more", equalTo(true));
        org.request().queryParam("date__lt", "2024-05-02").get("/api/v1/task/").then().statusCode(200)
                .body("data.text", contains("may 1", "may 1 midnight", "may 1 noon"));
        org.request().queryParam("date__gte", "2024-05-01T06:00:00+00:00").get("/api/v1/task/").then().statusCode(200)
                .body("data.text", contains("may 1 noon", "may 2"));
        org.request().queryParam("_fields", "text").queryParam("_limit", 1).get("/api/v1/task/").then().statusCode(200)
                .body("data[0]", aMapWithSize(1));
    }

    @Test
    void filtersByTheFieldsCloseOffers() {
        TestOrganizations org = TestOrganizations.provisioned();
        String first = TaskFixtures.leadId(org);
        String second = TaskFixtures.leadId(org);
        String a = TaskFixtures.task(org, first, "\"text\": \"a\"");
        String b = TaskFixtures.task(org, first, "\"text\": \"b\", \"assigned_to\": \"user_colleague\"");
        String c = TaskFixtures.task(org, second, "\"text\": \"c\", \"is_complete\": true");

        org.request().queryParam("lead_id", first).get("/api/v1/task/").then().body("data.id", containsInAnyOrder(a, b));
        org.request().queryParam("lead_id__in", first + "," + second).get("/api/v1/task/").then()
                .body("data", hasSize(3));
        org.request().queryParam("assigned_to", "user_colleague").get("/api/v1/task/").then()
                .body("data.id", contains(b));
        org.request().queryParam("assigned_to__in", org.userId() + ",user_colleague").get("/api/v1/task/").then()
                .body("data.id", containsInAnyOrder(a, b, c));
        org.request().queryParam("is_complete", "true").get("/api/v1/task/").then().body("data.id", contains(c));
        org.request().queryParam("is_complete", "false").get("/api/v1/task/").then()
                .body("data.id", containsInAnyOrder(a, b));
        org.request().queryParam("id", a).get("/api/v1/task/").then().body("data.id", contains(a));
        org.request().queryParam("id__in", a + "," + c).get("/api/v1/task/").then()
                .body("data.id", containsInAnyOrder(a, c));
        org.request().queryParam("date_created__gt", "2000-01-01").get("/api/v1/task/").then()
                .body("data", hasSize(3));
        org.request().queryParam("date_created__lt", "2000-01-01").get("/api/v1/task/").then()
                .body("data", hasSize(0));
        org.request().queryParam("date__lt", "not a date").get("/api/v1/task/").then().statusCode(400);
        org.request().queryParam("is_complete", "maybe").get("/api/v1/task/").then().statusCode(400);
    }

    /**
     * Day boundaries are the caller's: a date-only task for today at UTC+12 is still tomorrow at UTC-12 (the two
     * are always exactly one calendar day apart), and timed tasks switch views at the caller's midnight.
     */
    @Test
    void viewsFollowTheCallersDay() {
        TestOrganizations org = TestOrganizations.provisioned();
        String leadId = TaskFixtures.leadId(org);
        ZoneOffset east = ZoneOffset.ofHours(12);
        LocalDate todayEast = LocalDate.now(east);
        OffsetDateTime midnightEast = todayEast.plusDays(1).atStartOfDay().atOffset(east);
        TaskFixtures.task(org, leadId, "\"text\": \"east today\", \"date\": \"" + todayEast + "\"");
        TaskFixtures.task(org, leadId, "\"text\": \"east tomorrow\", \"date\": \"" + todayEast.plusDays(1) + "\"");
        TaskFixtures.task(org, leadId, "\"text\": \"before midnight\", \"date\": \""
                + ISO.format(midnightEast.minusMinutes(1)) + "\"");
        TaskFixtures.task(org, leadId, "\"text\": \"after midnight\", \"date\": \""
                + ISO.format(midnightEast.plusMinutes(1)) + "\"");
        TaskFixtures.task(org, leadId, "\"text\": \"dateless\"");
        TaskFixtures.task(org, leadId, "\"text\": \"done\", \"date\": \"" + todayEast + "\", \"is_complete\": true");

        org.request().header("X-TZ-Offset", "12").queryParam("view", "inbox").get("/api/v1/task/").then()
                .statusCode(200).body("data.text", contains("east today", "before midnight", "dateless"));
        org.request().header("X-TZ-Offset", "12").queryParam("view", "future").get("/api/v1/task/").then()
                .statusCode(200).body("data.text", contains("after midnight", "east tomorrow"));
        org.request().header("X-TZ-Offset", "-12").queryParam("view", "future").get("/api/v1/task/").then()
                .statusCode(200).body("data.text", hasSize(3))
                .body("data.text", hasItems("east today", "east tomorrow", "after midnight"));
        org.request().queryParam("view", "archive").get("/api/v1/task/").then()
                .statusCode(200).body("data.text", contains("done"));
        // inbox and future override date__lt / date__gte, as Close documents.
        org.request().header("X-TZ-Offset", "12").queryParam("view", "future").queryParam("date__lt", "2000-01-01")
                .get("/api/v1/task/").then().statusCode(200).body("data", hasSize(2));
    }

    @Test
    void bulkUpdateChangesOnlyMatchingTasksOfTheCallersOrganization() {
        TestOrganizations org = TestOrganizations.provisioned();
        TestOrganizations other = TestOrganizations.provisioned();
        String first = TaskFixtures.leadId(org);
        String second = TaskFixtures.leadId(org);
        String a = TaskFixtures.task(org, first, "\"text\": \"a\"");
        String b = TaskFixtures.task(org, first, "\"text\": \"b\"");
        String c = TaskFixtures.task(org, second, "\"text\": \"c\"");
        String call = TaskFixtures.task(org, first, "\"_type\": \"outgoing_call\"");
        String theirs = TaskFixtures.task(other, TaskFixtures.leadId(other), "\"text\": \"theirs\"");

        org.request().queryParam("lead_id", first).body("{\"is_complete\": true, \"date\": \"2024-05-01\"}")
                .put("/api/v1/task/").then().statusCode(200).body("$", anEmptyMap());
        org.request().queryParam("is_complete", "true").get("/api/v1/task/").then()
                .body("data.id", containsInAnyOrder(a, b))
                .body("data.date", everyItem(equalTo("2024-05-01")));
        org.request().get("/api/v1/task/" + c + "/").then().body("is_complete", equalTo(false));
        // Only lead tasks unless _type says otherwise, as in the list.
        org.request().get("/api/v1/task/" + call + "/").then().body("is_complete", equalTo(false));

        org.request().queryParam("id__in", c + "," + theirs).body("{\"assigned_to\": \"user_new\"}")
                .put("/api/v1/task/").then().statusCode(200);
        org.request().get("/api/v1/task/" + c + "/").then().body("assigned_to", equalTo("user_new"));
        other.request().get("/api/v1/task/" + theirs + "/").then().body("assigned_to", equalTo(other.userId()));

        long outboxBefore = database.count("outbox_event", org.organizationId());
        org.request().queryParam("id", c).body("{\"text\": \"nope\", \"is_complete\": true}").put("/api/v1/task/")
                .then().statusCode(400).body("'field-errors'", hasKey("text"));
        org.request().queryParam("id", c).body("{\"is_complete\": \"yes\"}").put("/api/v1/task/")
                .then().statusCode(400).body("'field-errors'", hasKey("is_complete"));
        org.request().queryParam("bogus", "1").body("{\"is_complete\": true}").put("/api/v1/task/")
                .then().statusCode(400);
        org.request().get("/api/v1/task/" + c + "/").then().body("is_complete", equalTo(false));
        assertEquals(outboxBefore, database.count("outbox_event", org.organizationId()));
    }
}
