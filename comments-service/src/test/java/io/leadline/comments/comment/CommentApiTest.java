package io.leadline.comments.comment;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.comments.OwnerEvents;
import io.leadline.comments.RelayedEvents;
import io.leadline.comments.TestOrganizations;
import io.leadline.comments.CommentsTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Comments and threads through the API, against the real PostgreSQL, with objects known from crm-core's events. */
@QuarkusTest
@TestProfile(CommentsTestProfile.class)
class CommentApiTest {

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
    void theFirstCommentOpensTheObjectsThreadAndLaterOnesJoinIt() {
        TestOrganizations org = TestOrganizations.create();
        String leadId = owners.lead(org);
        String opportunityId = owners.child(org, "opportunity.created", "oppo", leadId);

        String first = RelayedEvents.newRequestId();
        JsonPath created = org.request().header("X-Request-Id", first)
                .body("{\"object_id\": \"" + opportunityId + "\", \"body\": \"<body><p>Call them</p></body>\"}")
                .post("/api/v1/comment/").then().statusCode(201)
                .body("object_id", equalTo(opportunityId))
                .body("object_type", equalTo("opportunity"))
                .body("lead_id", equalTo(leadId))
                .body("organization_id", equalTo(org.organizationId()))
                .body("created_by", equalTo(org.userId()))
                .body("is_removed", equalTo(false))
                .extract().jsonPath();
        String threadId = created.getString("thread_id");
        List<JsonNode> firstEvents = RelayedEvents.ofRequest(connector, first, 2);
        assertEquals("comment_thread.created", type(firstEvents.get(0)));
        assertEquals(threadId, firstEvents.get(0).path("object_id").asText());
        assertEquals(leadId, firstEvents.get(0).path("lead_id").asText());
        assertEquals("comment.created", type(firstEvents.get(1)));
        assertEquals(created.getString("id"), firstEvents.get(1).path("object_id").asText());

        String second = RelayedEvents.newRequestId();
        String secondId = org.request().header("X-Request-Id", second)
                .body("{\"object_id\": \"" + opportunityId + "\", \"body\": \"<body><p>Done</p></body>\"}")
                .post("/api/v1/comment/").then().statusCode(201)
                .body("thread_id", equalTo(threadId))
                .extract().path("id");
        assertEquals(List.of("comment.created"),
                RelayedEvents.ofRequest(connector, second, 1).stream().map(CommentApiTest::type).toList());

        List<String> expectedOrder = List.of(created.getString("id"), secondId);
        org.request().get("/api/v1/comment/?object_id=" + opportunityId).then().statusCode(200)
                .body("data.id", equalTo(expectedOrder)).body("has_more", equalTo(false));
        org.request().get("/api/v1/comment/?thread_id=" + threadId).then().statusCode(200)
                .body("data.id", equalTo(expectedOrder));
        org.request().get("/api/v1/comment/" + secondId + "/").then().statusCode(200)
                .body("thread_id", equalTo(threadId)).body("lead_id", equalTo(leadId));
        org.request().get("/api/v1/comment_thread/" + threadId + "/").then().statusCode(200)
                .body("object_id", equalTo(opportunityId))
                .body("object_type", equalTo("opportunity"))
                .body("lead_id", equalTo(leadId))
                .body("comments.id", equalTo(expectedOrder));
        org.request().get("/api/v1/comment_thread/?object_ids=" + opportunityId + ",oppo_other").then().statusCode(200)
                .body("data.id", equalTo(List.of(threadId)));
        org.request().get("/api/v1/comment_thread/?ids=" + threadId).then().statusCode(200)
                .body("data[0].comments.size()", equalTo(2));
        org.request().get("/api/v1/comment_thread/?ids=" + threadId + "&_fields=id,object_type").then().statusCode(200)
                .body("data[0].object_type", equalTo("opportunity"))
                .body("data[0]", not(hasKey("comments")));
    }

    @Test
    void twoFirstCommentsAtOnceMakeOneThread() throws Exception {
        TestOrganizations org = TestOrganizations.create();
        String leadId = owners.lead(org);
        int writers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<String>> threadIds = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                int n = i;
                Callable<String> post = () -> {
                    start.await();
                    return org.request().body("{\"object_id\": \"" + leadId + "\", \"body\": \"first " + n + "\"}")
                            .post("/api/v1/comment/").then().statusCode(201).extract().path("thread_id");
                };
                threadIds.add(pool.submit(post));
            }
            start.countDown();
            List<String> answered = new ArrayList<>();
            for (Future<String> threadId : threadIds) {
                answered.add(threadId.get());
            }
            assertEquals(1, answered.stream().distinct().count(), "every comment in one thread: " + answered);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, count("comment_thread", org.organizationId()));
        assertEquals(writers, count("comment", org.organizationId()));
        org.request().get("/api/v1/comment_thread/?object_ids=" + leadId).then().statusCode(200)
                .body("data.size()", equalTo(1)).body("data[0].comments.size()", equalTo(writers));
    }

    @Test
    void onlyTheAuthorEditsAComment() {
        TestOrganizations author = TestOrganizations.create();
        TestOrganizations admin = author.withUser(TestOrganizations.newUserId(), "admin");
        String leadId = owners.lead(author);
        String id = comment(author, leadId, "<p>draft</p>");

        admin.request().body("{\"body\": \"<p>not yours</p>\"}").put("/api/v1/comment/" + id + "/").then()
                .statusCode(403).body("error", notNullValue());

        String edit = RelayedEvents.newRequestId();
        author.request().header("X-Request-Id", edit).body("{\"body\": \"<p>final</p>\"}")
                .put("/api/v1/comment/" + id + "/").then().statusCode(200)
                .body("body", equalTo("<body><p>final</p></body>")).body("updated_by", equalTo(author.userId()));
        JsonNode updated = RelayedEvents.ofRequest(connector, edit, 1).get(0);
        assertEquals("comment.updated", type(updated));
        assertEquals("<body><p>draft</p></body>", updated.at("/previous_data/body").asText());
        author.request().get("/api/v1/comment/" + id + "/").then().statusCode(200).body("body", equalTo("<body><p>final</p></body>"));

        author.request().body("{\"body\": \"\"}").put("/api/v1/comment/" + id + "/").then().statusCode(400)
                .body("field-errors.body", notNullValue());
        author.request().body("{}").put("/api/v1/comment/" + id + "/").then().statusCode(400)
                .body("field-errors.body", notNullValue());
    }

    @Test
    void removingBlanksTheCommentUntilTheLastOneTakesTheThreadWithIt() {
        TestOrganizations author = TestOrganizations.create();
        TestOrganizations colleague = author.withUser(TestOrganizations.newUserId(), "user");
        TestOrganizations admin = author.withUser(TestOrganizations.newUserId(), "admin");
        String leadId = owners.lead(author);
        String first = comment(author, leadId, "<p>one</p>");
        String second = comment(colleague, leadId, "<p>two</p>");
        String threadId = author.request().get("/api/v1/comment/" + first + "/").then().extract().path("thread_id");

        colleague.request().delete("/api/v1/comment/" + first + "/").then().statusCode(403);

        String removeFirst = RelayedEvents.newRequestId();
        admin.request().header("X-Request-Id", removeFirst).delete("/api/v1/comment/" + first + "/").then()
                .statusCode(204);
        JsonNode removed = RelayedEvents.ofRequest(connector, removeFirst, 1).get(0);
        assertEquals("comment.deleted", type(removed));
        assertEquals("<body><p>one</p></body>", removed.at("/previous_data/body").asText());
        author.request().get("/api/v1/comment/" + first + "/").then().statusCode(200)
                .body("body", equalTo("")).body("body_text", equalTo("")).body("is_removed", equalTo(true));
        author.request().get("/api/v1/comment_thread/" + threadId + "/").then().statusCode(200)
                .body("comments.id", equalTo(List.of(first, second)));
        author.request().body("{\"body\": \"<p>back</p>\"}").put("/api/v1/comment/" + first + "/").then()
                .statusCode(400);
        String again = RelayedEvents.newRequestId();
        author.request().header("X-Request-Id", again).delete("/api/v1/comment/" + first + "/").then().statusCode(204);

        String removeLast = RelayedEvents.newRequestId();
        colleague.request().header("X-Request-Id", removeLast).delete("/api/v1/comment/" + second + "/").then()
                .statusCode(204);
        List<JsonNode> last = RelayedEvents.ofRequest(connector, removeLast, 2);
        assertEquals(List.of("comment.deleted", "comment_thread.deleted"), last.stream().map(CommentApiTest::type).toList());
        assertEquals(2, last.get(1).at("/previous_data/comments").size());
        assertEquals(List.of(), RelayedEvents.ofRequestNow(connector, again), "removing a removed comment records nothing");

        author.request().get("/api/v1/comment_thread/" + threadId + "/").then().statusCode(404);
        author.request().get("/api/v1/comment/" + first + "/").then().statusCode(404);
        author.request().get("/api/v1/comment/?object_id=" + leadId).then().statusCode(200).body("data", empty());
        assertEquals(0, count("comment", author.organizationId()));

        // the object can be commented on again: a new thread
        String fresh = comment(author, leadId, "<p>again</p>");
        author.request().get("/api/v1/comment/" + fresh + "/").then().statusCode(200)
                .body("thread_id", not(equalTo(threadId)));
    }

    @Test
    void listingCommentsNeedsExactlyOneOfObjectOrThread() {
        TestOrganizations org = TestOrganizations.create();
        org.request().get("/api/v1/comment/").then().statusCode(400);
        org.request().get("/api/v1/comment/?object_id=lead_x&thread_id=cmth_x").then().statusCode(400);
        org.request().get("/api/v1/comment/?object_id=lead_x&colour=red").then().statusCode(400);
        org.request().get("/api/v1/comment/?object_id=lead_x").then().statusCode(200).body("data", empty());
    }

    @Test
    void aBodyWithoutItsFieldsIsOneBadRequestWithEveryFieldError() {
        TestOrganizations org = TestOrganizations.create();
        org.request().body("{}").post("/api/v1/comment/").then().statusCode(400)
                .body("field-errors.object_id", notNullValue())
                .body("field-errors.body", notNullValue());
        org.request().body("{\"object_id\": 5, \"body\": [\"x\"]}").post("/api/v1/comment/").then().statusCode(400);
        org.request().body("{\"object_id\": \"" + "x".repeat(65) + "\", \"body\": \"hi\"}").post("/api/v1/comment/")
                .then().statusCode(400).body("field-errors.object_id", notNullValue());
        assertEquals(0, count("comment", org.organizationId()));
    }

    @Test
    void onlyObjectsOfTheCallersOrganizationThatExistCanBeCommentedOn() {
        TestOrganizations org = TestOrganizations.create();
        TestOrganizations other = TestOrganizations.create();
        String othersLead = owners.lead(other);
        String deletedLead = owners.lead(org);
        owners.send(OwnerEvents.OBJECTS, OwnerEvents.event("lead.deleted", org, deletedLead, deletedLead));

        for (String objectId : List.of("lead_neverSeen", othersLead, deletedLead)) {
            org.request().body("{\"object_id\": \"" + objectId + "\", \"body\": \"hi\"}").post("/api/v1/comment/")
                    .then().statusCode(400).body("field-errors.object_id", equalTo("Object not found."));
        }
        assertEquals(0, count("comment", org.organizationId()));
        assertEquals(0, count("comment_thread", org.organizationId()));
    }

    @Test
    void anotherOrganizationsCommentsAndThreadsAreNotThere() {
        TestOrganizations owner = TestOrganizations.create();
        TestOrganizations stranger = TestOrganizations.create();
        String leadId = owners.lead(owner);
        String id = comment(owner, leadId, "<p>private</p>");
        String threadId = owner.request().get("/api/v1/comment/" + id + "/").then().extract().path("thread_id");

        stranger.request().get("/api/v1/comment/" + id + "/").then().statusCode(404);
        stranger.request().body("{\"body\": \"mine\"}").put("/api/v1/comment/" + id + "/").then().statusCode(404);
        stranger.request().delete("/api/v1/comment/" + id + "/").then().statusCode(404);
        stranger.request().get("/api/v1/comment_thread/" + threadId + "/").then().statusCode(404);
        stranger.request().get("/api/v1/comment/?object_id=" + leadId).then().statusCode(200).body("data", empty());
        stranger.request().get("/api/v1/comment/?thread_id=" + threadId).then().statusCode(200).body("data", empty());
        stranger.request().get("/api/v1/comment_thread/?ids=" + threadId).then().statusCode(200).body("data", empty());
        stranger.request().get("/api/v1/comment_thread/?object_ids=" + leadId).then().statusCode(200)
                .body("data", empty());
        owner.request().get("/api/v1/comment/" + id + "/").then().statusCode(200).body("body", equalTo("<body><p>private</p></body>"));
    }

    @Test
    void unknownAndMalformedThreadListParametersAreRefused() {
        TestOrganizations org = TestOrganizations.create();
        org.request().get("/api/v1/comment_thread/?object_id__in=x&_limit=1000").then().statusCode(400);
        String tooMany = java.util.stream.IntStream.range(0, 101).mapToObj(i -> "lead_" + i)
                .collect(Collectors.joining(","));
        org.request().get("/api/v1/comment_thread/?object_ids=" + tooMany).then().statusCode(400);
        org.request().get("/api/v1/comment_thread/").then().statusCode(200).body("data", empty())
                .body("has_more", equalTo(false));
        org.request().get("/api/v1/comment_thread/cmth_nothing/").then().statusCode(404)
                .body("field-errors", nullValue());
    }

    private static String comment(TestOrganizations org, String objectId, String body) {
        return org.request().body("{\"object_id\": \"" + objectId + "\", \"body\": \"" + body + "\"}")
                .post("/api/v1/comment/").then().statusCode(201).extract().path("id");
    }

    private long count(String table, String organizationId) {
        return pool.preparedQuery("select count(*) from " + table + " where organization_id = $1")
                .execute(Tuple.of(organizationId)).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    static String type(JsonNode event) {
        return event.path("object_type").asText() + "." + event.path("action").asText();
    }
}
