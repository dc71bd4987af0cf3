package io.leadline.core.user;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.core.Database;
import io.leadline.core.GatewayEvents;
import io.leadline.core.TestCustomFields;
import io.leadline.core.TestOrganizations;
import io.leadline.platform.id.Ids;
import io.leadline.platform.testing.ServiceTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A {@code user} field's value may be sent as a user's name (Close: "accepts names on input") and is stored and shown
 * as the user's id; crm-core knows the names from the gateway's {@code membership.activated} events.
 */
@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class UserFieldNamesTest {

    private static final Duration PROCESSED = Duration.ofSeconds(60);

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    Database database;

    @Test
    void aUsersNameBecomesTheirIdAndUnknownOrSharedNamesAreFieldErrors() {
        TestOrganizations org = TestOrganizations.provisioned();
        TestOrganizations other = TestOrganizations.provisioned();
        String bruce = member(org, "Bruce Wayne");
        String alfred = member(org, "Alfred Pennyworth");
        member(org, "Sam Smith");
        member(org, "sam smith");
        member(other, "Selina Kyle");
        await().atMost(PROCESSED).until(() -> database.count("organization_user", org.organizationId()) == 4
                && database.count("organization_user", other.organizationId()) == 1);
        TestCustomFields cf = TestCustomFields.of(org).define("lead", "cf_owner", "user", false)
                .define("lead", "cf_team", "user", true);

        String lead = org.request().body(cf.in("{\"name\": \"Acme\", \"custom.cf_owner\": \"  bruce WAYNE \","
                        + " \"custom.cf_team\": [\"Alfred Pennyworth\", \"" + bruce + "\", \"alfred pennyworth\"]}"))
                .post("/api/v1/lead/").then().statusCode(200)
                .body(cf.in("'custom.cf_owner'"), equalTo(bruce))
                .body(cf.in("'custom.cf_team'"), contains(alfred, bruce))
                .extract().path("id");
        org.request().get("/api/v1/lead/" + lead + "/").then().statusCode(200)
                .body(cf.in("'custom.cf_owner'"), equalTo(bruce));
        org.request().body(cf.in("{\"custom.cf_team.remove\": \"Bruce Wayne\"}")).put("/api/v1/lead/" + lead + "/")
                .then().statusCode(200).body(cf.in("'custom.cf_team'"), contains(alfred));
        // an id is taken as it is, even before its member's event arrived
        org.request().body(cf.in("{\"custom.cf_owner\": \"user_notyetknown\"}")).put("/api/v1/lead/" + lead + "/")
                .then().statusCode(200).body(cf.in("'custom.cf_owner'"), equalTo("user_notyetknown"));

        long rows = database.rowsOf(org.organizationId());
        org.request().body(cf.in("{\"name\": \"Nobody's\", \"custom.cf_owner\": \"Selina Kyle\"}"))
                .post("/api/v1/lead/").then().statusCode(400)
                .body(cf.in("'field-errors'.'custom.cf_owner'"),
                        equalTo("No user of the organization is named Selina Kyle."));
        org.request().body(cf.in("{\"name\": \"Shared\", \"custom.cf_team\": [\"Alfred Pennyworth\", \"Sam Smith\"]}"))
                .post("/api/v1/lead/").then().statusCode(400)
                .body(cf.in("'field-errors'.'custom.cf_team'"),
                        equalTo("More than one user is named Sam Smith; send the user id."));
        assertEquals(rows, database.rowsOf(org.organizationId()));
    }

    @Test
    void aLaterActivationOfTheSameMemberRenamesThem() {
        TestOrganizations org = TestOrganizations.provisioned();
        String user = member(org, "Harleen Quinzel");
        ObjectNode renamed = GatewayEvents.event("membership.activated", org.organizationId());
        ObjectNode data = (ObjectNode) renamed.get("data");
        data.put("user_id", user).put("user_full_name", "Harley Quinn");
        GatewayEvents.send(connector, renamed.toString());
        await().atMost(PROCESSED).until(() -> database.queryLong("select count(*) from organization_user"
                + " where organization_id = $1 and full_name = 'Harley Quinn'", org.organizationId()) == 1);
        TestCustomFields cf = TestCustomFields.of(org).define("lead", "cf_owner", "user", false);

        org.request().body(cf.in("{\"name\": \"Acme\", \"custom.cf_owner\": \"harley quinn\"}")).post("/api/v1/lead/")
                .then().statusCode(200).body(cf.in("'custom.cf_owner'"), equalTo(user));
        org.request().body(cf.in("{\"name\": \"Acme\", \"custom.cf_owner\": \"Harleen Quinzel\"}")).post("/api/v1/lead/")
                .then().statusCode(400);
    }

    /** A member of the organization with that name, as the gateway announces it; answers the user id. */
    private String member(TestOrganizations org, String fullName) {
        String userId = Ids.longId("user");
        ObjectNode event = GatewayEvents.event("membership.activated", org.organizationId());
        ((ObjectNode) event.get("data")).put("user_id", userId).put("user_full_name", fullName);
        GatewayEvents.send(connector, event.toString());
        return userId;
    }
}
