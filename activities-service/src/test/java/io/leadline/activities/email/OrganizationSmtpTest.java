package io.leadline.activities.email;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.leadline.activities.CrmEvents;
import io.leadline.activities.RelayedEvents;
import io.leadline.activities.TestOrganizations;
import io.leadline.embedded.EmbeddedSmtpServer;
import io.leadline.embedded.FreePorts;
import io.leadline.platform.testing.InternalTokens;
import io.leadline.platform.testing.ServiceTestProfile;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** An organization's own outgoing mail server (Leadline's extension): who may set it, and that sending uses it. */
@QuarkusTest
@TestProfile(ServiceTestProfile.class)
@QuarkusTestResource(SmtpServerTestResource.class)
class OrganizationSmtpTest {

    private static final String PATH = "/api/v1/connected_account/organization_smtp/";
    private static final Duration SENDING = Duration.ofSeconds(20);

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    Pool pool;

    @SmtpServerTestResource.Smtp
    EmbeddedSmtpServer deploymentServer;

    @Test
    void anOrganizationsEmailsGoThroughItsOwnServerAndOthersThroughTheDefault() throws Exception {
        int port = FreePorts.pick();
        GreenMail own = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("mailer@acme.test", "mailer", "s3cret"));
        own.start();
        try {
            TestOrganizations acme = TestOrganizations.fresh();
            TestOrganizations other = TestOrganizations.fresh();
            acme.request().get(PATH).then().statusCode(404);
            acme.request().body("{\"host\": \"127.0.0.1\", \"port\": " + port + ", \"username\": \"mailer\","
                            + " \"password\": \"s3cret\", \"start_tls\": \"disabled\"}")
                    .put(PATH).then().statusCode(200)
                    .body("host", equalTo("127.0.0.1"))
                    .body("port", equalTo(port))
                    .body("username", equalTo("mailer"))
                    .body("has_password", equalTo(true))
                    .body("start_tls", equalTo("disabled"))
                    .body("tls", equalTo(false))
                    .body("$", not(hasKey("password")));
            acme.request().get(PATH).then().statusCode(200)
                    .body("$", not(hasKey("password")))
                    .body(not(containsString("s3cret")));
            other.request().get(PATH).then().statusCode(404);

            String acmeSubject = "Acme " + RelayedEvents.newRequestId();
            String otherSubject = "Other " + RelayedEvents.newRequestId();
            sendEmail(acme, acmeSubject);
            sendEmail(other, otherSubject);
            await("both sent").atMost(SENDING).until(() -> subjects(List.of(own.getReceivedMessages()))
                    .contains(acmeSubject) && subjects(deploymentServer.receivedMessages()).contains(otherSubject));
            assertFalse(subjects(deploymentServer.receivedMessages()).contains(acmeSubject));
            assertFalse(subjects(List.of(own.getReceivedMessages())).contains(otherSubject));

            // back to the deployment's server
            acme.request().delete(PATH).then().statusCode(204);
            acme.request().get(PATH).then().statusCode(404);
            acme.request().delete(PATH).then().statusCode(404);
            String againSubject = "Again " + RelayedEvents.newRequestId();
            sendEmail(acme, againSubject);
            await("sent by default").atMost(SENDING)
                    .until(() -> subjects(deploymentServer.receivedMessages()).contains(againSubject));
        } finally {
            own.stop();
        }
    }

    @Test
    void anUnreachableServerOfOneOrganizationEndsItsEmailInErrorOnly() {
        TestOrganizations broken = TestOrganizations.fresh();
        broken.request().body("{\"host\": \"127.0.0.1\", \"port\": " + FreePorts.pick() + "}").put(PATH)
                .then().statusCode(200).body("username", nullValue()).body("has_password", equalTo(false))
                .body("start_tls", equalTo("optional"));
        String id = sendEmail(broken, "Nowhere " + RelayedEvents.newRequestId());
        await("error").atMost(SENDING).until(() -> "error".equals(broken.request()
                .get("/api/v1/activity/email/" + id + "/").then().extract().path("status")));
        String fine = "Fine " + RelayedEvents.newRequestId();
        sendEmail(TestOrganizations.fresh(), fine);
        await("sent").atMost(SENDING).until(() -> subjects(deploymentServer.receivedMessages()).contains(fine));
    }

    @Test
    void onlyAdminsSeeOrChangeItAndBadSettingsAreFieldErrors() {
        TestOrganizations org = TestOrganizations.fresh();
        var user = given().contentType(ContentType.JSON).header("Authorization", "Bearer "
                + InternalTokens.mint(org.organizationId(), org.userId(), null, "user"));
        user.body("{\"host\": \"smtp.acme.test\"}").put(PATH).then().statusCode(403);
        org.request().get(PATH).then().statusCode(404); // nothing was written
        given().header("Authorization", "Bearer " + InternalTokens.mint(org.organizationId(), org.userId(), null,
                "user")).get(PATH).then().statusCode(403);

        for (String[] bad : List.of(new String[] {"{}", "host"}, new String[] {"{\"host\": \"\"}", "host"},
                new String[] {"{\"host\": \"smtp://acme.test\"}", "host"},
                new String[] {"{\"host\": \"smtp.acme.test\", \"port\": 70000}", "port"},
                new String[] {"{\"host\": \"smtp.acme.test\", \"port\": \"x\"}", "port"},
                new String[] {"{\"host\": \"smtp.acme.test\", \"start_tls\": \"maybe\"}", "start_tls"},
                new String[] {"{\"host\": \"smtp.acme.test\", \"tls\": \"yes\"}", "tls"},
                new String[] {"{\"host\": \"smtp.acme.test\", \"username\": \"u\"}", "password"},
                new String[] {"{\"host\": \"smtp.acme.test\", \"password\": \"p\"}", "username"},
                new String[] {"{\"host\": \"smtp.acme.test\", \"relay\": true}", "relay"})) {
            org.request().body(bad[0]).put(PATH).then().statusCode(400).body("'field-errors'", hasKey(bad[1]));
        }
        org.request().body("[]").put(PATH).then().statusCode(400);
        org.request().get(PATH).then().statusCode(404);

        // a PUT changes only what it names, and a bad one changes nothing
        org.request().body("{\"host\": \"smtp.acme.test\", \"tls\": true, \"username\": \"u\", \"password\": \"p\"}")
                .put(PATH).then().statusCode(200).body("port", equalTo(465));
        org.request().body("{\"port\": 0}").put(PATH).then().statusCode(400);
        org.request().body("{\"host\": \"mail.acme.test\"}").put(PATH).then().statusCode(200)
                .body("host", equalTo("mail.acme.test")).body("port", equalTo(465)).body("has_password", equalTo(true));
        org.request().body("{\"username\": null, \"password\": null}").put(PATH).then().statusCode(200)
                .body("username", nullValue()).body("has_password", equalTo(false));
        TestOrganizations.fresh().request().get(PATH).then().statusCode(404);
    }

    /** Puts a new email of a new lead of {@code org} straight into the outbox; answers its id. */
    private String sendEmail(TestOrganizations org, String subject) {
        String lead = new CrmEvents(connector, pool, org).leadWithContact()[0];
        return org.request().body("{\"lead_id\": \"" + lead + "\", \"status\": \"outbox\", \"subject\": \"" + subject
                        + "\", \"sender\": \"ada@acme.test\", \"to\": [\"bob@example.com\"], \"body_text\": \"Hi\"}")
                .post("/api/v1/activity/email/").then().statusCode(200).extract().path("id");
    }

    private static List<String> subjects(List<MimeMessage> messages) {
        return messages.stream().map(message -> {
            try {
                return message.getSubject();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
