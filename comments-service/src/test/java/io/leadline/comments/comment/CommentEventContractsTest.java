package io.leadline.comments.comment;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.comments.OwnerEvents;
import io.leadline.comments.RelayedEvents;
import io.leadline.comments.TestOrganizations;
import io.leadline.platform.testing.EventContracts;
import io.leadline.comments.CommentsTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What this service publishes matches its fixtures ({@code src/test/resources/events/}, published as its
 * event-contracts artifact for crm-core's {@code comment_summary} and the event log): each event type of a
 * comment's and a thread's life, as the relay sent it.
 */
@QuarkusTest
@TestProfile(CommentsTestProfile.class)
class CommentEventContractsTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    Pool pool;

    @Test
    void everyPublishedEventMatchesItsContract() {
        TestOrganizations org = TestOrganizations.create();
        OwnerEvents owners = new OwnerEvents(connector, pool);
        String leadId = owners.lead(org);
        String opportunityId = owners.child(org, "opportunity.created", "oppo", leadId);

        String create = RelayedEvents.newRequestId();
        String id = org.request().header("X-Request-Id", create)
                .body("{\"object_id\": \"" + opportunityId + "\", \"body\": \"<p>Call back</p>\"}")
                .post("/api/v1/comment/").then().statusCode(201).extract().path("id");
        List<JsonNode> events = new ArrayList<>(RelayedEvents.ofRequest(connector, create, 2));

        String update = RelayedEvents.newRequestId();
        org.request().header("X-Request-Id", update).body("{\"body\": \"<p>Called.</p>\"}")
                .put("/api/v1/comment/" + id + "/").then().statusCode(200);
        events.addAll(RelayedEvents.ofRequest(connector, update, 1));

        String remove = RelayedEvents.newRequestId();
        org.request().header("X-Request-Id", remove).delete("/api/v1/comment/" + id + "/").then().statusCode(204);
        events.addAll(RelayedEvents.ofRequest(connector, remove, 2));

        assertEquals(List.of("comment_thread.created", "comment.created", "comment.updated", "comment.deleted",
                "comment_thread.deleted"), events.stream().map(CommentApiTest::type).toList());
        for (JsonNode event : events) {
            String type = CommentApiTest.type(event);
            assertEquals(List.of(), EventContracts.differences(EventContracts.fixture(type), event), type);
        }
    }
}
