package io.leadline.systemtests;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Comments through the gateway on the real stack: on a lead and an opportunity right after their creation (before
 * their events reach comments-service, the owner is asked), edited, removed one by one until the thread goes; a
 * deleted lead takes its threads (crm-core's events through Kafka); the event log shows the comment events under the
 * lead; another organization sees nothing and can't comment on the objects.
 */
class CommentsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static Tenant acme;
    private static Tenant rival;

    @BeforeAll
    static void createOrganizations() {
        acme = Tenant.create("Acme Comments");
        rival = Tenant.create("Rival Comments");
    }

    @Test
    void commentEditRemoveAndLoseThemWithTheLead() {
        String leadId = acme.api().body(Map.of("name", "Wayne Enterprises")).post("/lead/")
                .then().statusCode(200).extract().path("id");
        String opportunityId = acme.api().body(Map.of("lead_id", leadId, "note", "Rockets")).post("/opportunity/")
                .then().statusCode(200).extract().path("id");

        JsonPath onLead = comment(acme, leadId, "<p>Met <b>Bruce</b><script>alert(1)</script></p>").then()
                .statusCode(201).body("object_type", equalTo("lead")).body("lead_id", equalTo(leadId))
                .body("body", equalTo("<body><p>Met <b>Bruce</b></p></body>"))
                .extract().jsonPath();
        String first = comment(acme, opportunityId, "<p>Price?</p>").then().statusCode(201)
                .body("object_type", equalTo("opportunity")).body("lead_id", equalTo(leadId)).extract().path("id");
        String second = comment(acme, opportunityId, "<p>Sent</p>").then().statusCode(201).extract().path("id");
        String threadId = acme.api().get("/comment/" + first + "/").then().statusCode(200).extract().path("thread_id");
        acme.api().get("/comment/" + second + "/").then().body("thread_id", equalTo(threadId));

        acme.api().body(Map.of("body", "<p>Price agreed?</p>")).put("/comment/" + first + "/").then().statusCode(200)
                .body("body", equalTo("<body><p>Price agreed?</p></body>"));
        acme.api().get("/comment_thread/" + threadId + "/").then().statusCode(200)
                .body("object_id", equalTo(opportunityId))
                .body("comments.id", equalTo(List.of(first, second)));

        // the other organization: nothing to see, nothing to comment on
        rival.api().get("/comment/" + first + "/").then().statusCode(404);
        rival.api().get("/comment_thread/" + threadId + "/").then().statusCode(404);
        rival.api().delete("/comment/" + first + "/").then().statusCode(404);
        rival.api().get("/comment/?object_id=" + opportunityId).then().statusCode(200).body("data", equalTo(List.of()));
        comment(rival, leadId, "<p>mine now</p>").then().statusCode(400)
                .body("field-errors.object_id", equalTo("Object not found."));

        acme.api().delete("/comment/" + first + "/").then().statusCode(204);
        acme.api().get("/comment/" + first + "/").then().statusCode(200).body("is_removed", equalTo(true))
                .body("body", equalTo(""));
        acme.api().delete("/comment/" + second + "/").then().statusCode(204);
        acme.api().get("/comment_thread/" + threadId + "/").then().statusCode(404);

        // the event log lists the comment events under the lead
        List<String> actions = Eventually.await(() -> events(acme, leadId, "comment"),
                found -> found.contains("updated") && found.stream().filter("deleted"::equals).count() == 2, WAIT);
        assertThat(actions).contains("created", "updated", "deleted");
        assertThat(Eventually.await(() -> events(acme, leadId, "comment_thread"),
                found -> found.contains("deleted"), WAIT)).contains("created", "deleted");
        rival.api().queryParam("lead_id", leadId).get("/event/").then().statusCode(200).body("data", equalTo(List.of()));

        // a new thread on the opportunity; deleting the lead takes both threads
        comment(acme, opportunityId, "<p>Again</p>").then().statusCode(201);
        acme.api().delete("/lead/" + leadId + "/").then().statusCode(200);
        Eventually.await(() -> acme.api().get("/comment_thread/?object_ids=" + leadId + "," + opportunityId)
                        .then().statusCode(200).extract().jsonPath().getList("data"),
                List::isEmpty, WAIT);
        acme.api().get("/comment/" + onLead.getString("id") + "/").then().statusCode(404);
        comment(acme, opportunityId, "<p>Too late</p>").then().statusCode(400);
    }

    @Test
    void aNoteTakesCommentsAndAnOpportunityCountsItsOwn() {
        String leadId = acme.api().body(Map.of("name", "Stark Industries")).post("/lead/")
                .then().statusCode(200).extract().path("id");
        // a note of activities-service, commented on at once: comments-service asks activities-service about it
        String noteId = acme.api().body(Map.of("lead_id", leadId, "note", "Called Tony")).post("/activity/note/")
                .then().statusCode(200).extract().path("id");
        comment(acme, noteId, "<p>Follow up next week</p>").then().statusCode(201)
                .body("object_type", equalTo("activity.note")).body("lead_id", equalTo(leadId));
        comment(rival, noteId, "<p>not yours</p>").then().statusCode(400)
                .body("field-errors.object_id", equalTo("Object not found."));

        // crm-core counts an opportunity's comments from comments-service's events alone
        String opportunityId = acme.api().body(Map.of("lead_id", leadId, "value", 500)).post("/opportunity/")
                .then().statusCode(200).extract().path("id");
        String first = comment(acme, opportunityId, "<p>One</p>").then().statusCode(201).extract().path("id");
        String threadId = comment(acme, opportunityId, "<p>Two</p>").then().statusCode(201).extract().path("thread_id");
        Eventually.await(() -> commentCount(opportunityId), count -> count == 2, WAIT);
        acme.api().get("/opportunity/" + opportunityId + "/").then().body("comment_summary.thread_id", equalTo(threadId));
        acme.api().delete("/comment/" + first + "/").then().statusCode(204);
        Eventually.await(() -> commentCount(opportunityId), count -> count == 1, WAIT);
    }

    private static int commentCount(String opportunityId) {
        return acme.api().get("/opportunity/" + opportunityId + "/").then().statusCode(200).extract()
                .path("comment_summary.comment_count");
    }

    private static io.restassured.response.Response comment(Tenant tenant, String objectId, String body) {
        return tenant.api().body(Map.of("object_id", objectId, "body", body)).post("/comment/");
    }

    private static List<String> events(Tenant tenant, String leadId, String objectType) {
        return tenant.api().queryParam("lead_id", leadId).queryParam("object_type", objectType).get("/event/")
                .then().statusCode(200).extract().jsonPath().getList("data.action");
    }
}
