package io.leadline.comments.commented;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.comments.CommentsTestProfile;
import io.leadline.comments.OwnerEvents;
import io.leadline.comments.OwnerStub;
import io.leadline.comments.RelayedEvents;
import io.leadline.comments.TestOrganizations;
import io.leadline.platform.id.Ids;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The commented objects: known from crm-core's events (its fixtures, re-homed) or, before their event, from their
 * owner's API; their threads follow them to another lead and go when they are deleted.
 */
@QuarkusTest
@TestProfile(CommentsTestProfile.class)
class ObjectsTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    Pool pool;

    OwnerEvents owners;

    @BeforeEach
    void setUp() {
        owners = new OwnerEvents(connector, pool);
    }

    @Test
    void anObjectWhoseEventHasNotArrivedIsAskedOfItsOwner() {
        TestOrganizations org = TestOrganizations.create();
        TestOrganizations other = TestOrganizations.create();
        String leadId = Ids.longId("lead");
        String taskId = Ids.longId("task");
        String noteId = Ids.longId("acti");
        String othersLead = Ids.longId("lead");
        OwnerStub.register(org.organizationId(), leadId, leadId, null);
        OwnerStub.register(org.organizationId(), taskId, leadId, "lead");
        OwnerStub.register(org.organizationId(), noteId, leadId, "Note");
        OwnerStub.register(other.organizationId(), othersLead, othersLead, null);

        comment(org, leadId).then().statusCode(201).body("object_type", equalTo("lead")).body("lead_id", equalTo(leadId));
        comment(org, taskId).then().statusCode(201).body("object_type", equalTo("task.lead"))
                .body("lead_id", equalTo(leadId));
        comment(org, noteId).then().statusCode(201).body("object_type", equalTo("activity.note"))
                .body("lead_id", equalTo(leadId));
        comment(org, othersLead).then().statusCode(400).body("field-errors.object_id", equalTo("Object not found."));
        comment(org, "lead_madeUp").then().statusCode(400);
        comment(org, "nothing_ofOurs").then().statusCode(400);
        comment(org, "lead_a b/../x?y").then().statusCode(400).body("field-errors.object_id", equalTo("Object not found."));

        String broken = Ids.longId("oppo");
        OwnerStub.breakFor(broken);
        comment(org, broken).then().statusCode(503);
    }

    @Test
    void deletingAnObjectDeletesItsThreadWithItsEvents() {
        TestOrganizations org = TestOrganizations.create();
        String leadId = owners.lead(org);
        String opportunityId = owners.child(org, "opportunity.created", "oppo", leadId);
        String first = commentId(org, opportunityId);
        commentId(org, opportunityId);
        String removed = commentId(org, opportunityId);
        org.request().delete("/api/v1/comment/" + removed + "/").then().statusCode(204);
        String threadId = org.request().get("/api/v1/comment/" + first + "/").then().extract().path("thread_id");
        String leadComment = commentId(org, leadId);

        owners.send(OwnerEvents.OBJECTS, OwnerEvents.event("opportunity.deleted", org, opportunityId, leadId));

        org.request().get("/api/v1/comment_thread/" + threadId + "/").then().statusCode(404);
        org.request().get("/api/v1/comment/?object_id=" + opportunityId).then().statusCode(200).body("data", empty());
        List<JsonNode> threadEvents = RelayedEvents.ofObject(connector, threadId, 2);
        assertEquals("deleted", threadEvents.get(1).path("action").asText());
        assertEquals(leadId, threadEvents.get(1).path("lead_id").asText());
        assertEquals(3, threadEvents.get(1).at("/previous_data/comments").size());
        // each comment has exactly one deleted event: the removed one had it at its removal
        assertEquals(List.of("created", "deleted"), actions(RelayedEvents.ofObject(connector, first, 2)));
        assertEquals(List.of("created", "deleted"), actions(RelayedEvents.ofObject(connector, removed, 2)));
        // the lead's own thread is untouched, and the deleted opportunity can't be commented on
        org.request().get("/api/v1/comment/" + leadComment + "/").then().statusCode(200);
        comment(org, opportunityId).then().statusCode(400);

        // a redelivered deletion, or a late update, changes nothing
        owners.send(OwnerEvents.OBJECTS, OwnerEvents.event("opportunity.updated", org, opportunityId, leadId));
        comment(org, opportunityId).then().statusCode(400);
    }

    @Test
    void deletingALeadDeletesTheThreadsOnItAndOnEverythingOfIt() {
        TestOrganizations org = TestOrganizations.create();
        String leadId = owners.lead(org);
        String contactId = owners.child(org, "contact.created", "cont", leadId);
        String taskId = owners.child(org, "task.lead.created", "task", leadId);
        ObjectNode note = OwnerEvents.event("lead.created", org, Ids.longId("acti"), leadId);
        note.put("object_type", "activity.note");
        owners.send(OwnerEvents.OBJECTS, note);
        String noteId = note.get("object_id").asText();
        String otherLead = owners.lead(org);
        for (String objectId : List.of(leadId, contactId, taskId, noteId, otherLead)) {
            commentId(org, objectId);
        }
        org.request().get("/api/v1/comment_thread/?object_ids=" + noteId).then()
                .body("data[0].object_type", equalTo("activity.note"));
        org.request().get("/api/v1/comment_thread/?object_ids=" + taskId).then()
                .body("data[0].object_type", equalTo("task.lead"));

        owners.send(OwnerEvents.OBJECTS, OwnerEvents.event("lead.deleted", org, leadId, leadId));

        org.request().get("/api/v1/comment_thread/").then().statusCode(200)
                .body("data.object_id", equalTo(List.of(otherLead)));
        long threadDeletions = RelayedEvents.ofObjectType(connector, org.organizationId(), "comment_thread", "deleted", 4)
                .size();
        assertEquals(4, threadDeletions);
    }

    @Test
    void aThreadFollowsItsObjectToAnotherLead() {
        TestOrganizations org = TestOrganizations.create();
        String from = owners.lead(org);
        String to = owners.lead(org);
        String contactId = owners.child(org, "contact.created", "cont", from);
        String id = commentId(org, contactId);

        owners.send(OwnerEvents.OBJECTS, OwnerEvents.event("contact.updated", org, contactId, to));

        org.request().get("/api/v1/comment/" + id + "/").then().statusCode(200).body("lead_id", equalTo(to));
        org.request().get("/api/v1/comment_thread/?object_ids=" + contactId).then()
                .body("data[0].lead_id", equalTo(to)).body("data[0].comments[0].lead_id", equalTo(to));
        // deleting the old lead no longer touches it
        owners.send(OwnerEvents.OBJECTS, OwnerEvents.event("lead.deleted", org, from, from));
        org.request().get("/api/v1/comment/" + id + "/").then().statusCode(200);
    }

    private static List<String> actions(List<JsonNode> events) {
        return events.stream().map(event -> event.path("action").asText()).toList();
    }

    private static io.restassured.response.Response comment(TestOrganizations org, String objectId) {
        return org.request().body("{\"object_id\": \"" + objectId + "\", \"body\": \"<p>note</p>\"}")
                .post("/api/v1/comment/");
    }

    private static String commentId(TestOrganizations org, String objectId) {
        return comment(org, objectId).then().statusCode(201).extract().path("id");
    }
}
