package io.leadline.comments.comment;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.comments.CommentsTestProfile;
import io.leadline.comments.OwnerEvents;
import io.leadline.comments.TestOrganizations;
import io.leadline.platform.id.Ids;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Comment bodies are Close's rich text: cleaned to the subset on the way in, with their mentions checked. */
@QuarkusTest
@TestProfile(CommentsTestProfile.class)
class CommentBodyTest {

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
    void scriptsEventHandlersAndJavascriptUrlsAreRemovedAndTheSubsetKept() {
        TestOrganizations org = TestOrganizations.create();
        String leadId = owners.lead(org);
        String html = "<h1>Plan</h1><p onclick=\"steal()\">Hello <b>bold</b> <i>it</i> <u>u</u> <s>s</s> <code>c</code>"
                + "<script>alert(1)</script><a href=\"javascript:alert(2)\">bad link</a>"
                + " <a href=\"https://example.com/x\" onmouseover=\"x()\">good link</a></p>"
                + "<ul><li>one</li></ul><hr><img src=\"https://example.com/i.png\" alt=\"pic\" onerror=\"y()\">"
                + "<iframe src=\"https://evil.example\"></iframe><span style=\"color: red\">red</span>";
        JsonPath comment = post(org, leadId, html).then().statusCode(201).extract().jsonPath();
        String body = comment.getString("body");

        for (String gone : List.of("<script", "alert(1)", "onclick", "javascript:", "onmouseover", "onerror", "iframe",
                "evil.example")) {
            assertFalse(body.contains(gone), gone + " removed from " + body);
        }
        for (String kept : List.of("<body>", "<h1>Plan</h1>", "<b>bold</b>", "<i>it</i>", "<u>u</u>", "<s>s</s>",
                "<code>c</code>", "<a href=\"https://example.com/x\">good link</a>", "<ul><li>one</li></ul>",
                "alt=\"pic\"", "src=\"https://example.com/i.png\"", "<span style=\"color: red\">red</span>",
                "bad link")) {
            assertTrue(body.contains(kept), kept + " kept in " + body);
        }
        assertTrue(comment.getString("body_text").startsWith("Plan\nHello bold it u s c"), comment.getString("body_text"));
        assertFalse(comment.getString("body_text").contains("<"));
        // what is stored is what was answered
        org.request().get("/api/v1/comment/" + comment.getString("id") + "/").then().statusCode(200)
                .body("body", equalTo(body));
    }

    @Test
    void aBodyNothingIsLeftOfIsRefused() {
        TestOrganizations org = TestOrganizations.create();
        String leadId = owners.lead(org);
        post(org, leadId, "<script>alert(1)</script><p> </p>").then().statusCode(400)
                .body("field-errors.body", equalTo(CommentInput.BLANK));
    }

    @Test
    void mentionsOfTheOrganizationsUsersAreStoredAndOthersRefused() {
        TestOrganizations org = TestOrganizations.create();
        TestOrganizations stranger = TestOrganizations.create();
        String leadId = owners.lead(org);
        String colleague = TestOrganizations.newUserId();

        // a user the service has not heard of yet, and a user of another organization
        post(org, leadId, mention(colleague, "Colleague")).then().statusCode(400)
                .body("field-errors.body", containsString(colleague));
        // the stranger is a known user, of another organization
        stranger.request().body("{\"object_id\": \"" + owners.lead(stranger) + "\", \"body\": \"hi\"}")
                .post("/api/v1/comment/").then().statusCode(201);
        post(org, leadId, mention(stranger.userId(), "Stranger")).then().statusCode(400)
                .body("field-errors.body", containsString(stranger.userId()));

        // the gateway tells of the colleague's membership
        ObjectNode membership = OwnerEvents.event("membership.activated", org, Ids.longId("memb"), null);
        ((ObjectNode) membership.get("data")).put("user_id", colleague);
        ((ObjectNode) membership.get("data")).put("organization_id", org.organizationId());
        owners.send(OwnerEvents.GATEWAY, membership);

        String group = "group_" + Ids.randomBase62(22);
        JsonPath comment = post(org, leadId, mention(colleague, "Colleague") + mention(org.userId(), "Me")
                + mention(group, "Sales") + mention(colleague, "Again")).then().statusCode(201).extract().jsonPath();
        assertEquals(List.of(colleague, org.userId(), group), comment.getList("mentions"));
        assertTrue(comment.getString("body").contains("data-type=\"mention\""), comment.getString("body"));
        org.request().get("/api/v1/comment/" + comment.getString("id") + "/").then().statusCode(200)
                .body("mentions", equalTo(List.of(colleague, org.userId(), group)));

        org.request().body(JsonNodeFactory.instance.objectNode().put("body", mention(stranger.userId(), "S")).toString())
                .put("/api/v1/comment/" + comment.getString("id") + "/").then().statusCode(400)
                .body("field-errors.body", not(equalTo(null)));
    }

    private static String mention(String id, String name) {
        return "<p><span data-type=\"mention\" data-id=\"" + id + "\" data-label=\"" + name + "\" class=\"mention\">@"
                + name + "</span> </p>";
    }

    private static io.restassured.response.Response post(TestOrganizations org, String objectId, String html) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("object_id", objectId).put("body", html);
        return org.request().body(body.toString()).post("/api/v1/comment/");
    }
}
