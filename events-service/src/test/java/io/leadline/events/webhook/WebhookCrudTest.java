package io.leadline.events.webhook;

import io.leadline.platform.testing.KafkaServiceTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@TestProfile(KafkaServiceTestProfile.class)
class WebhookCrudTest {

    private static final String URL = "http://127.0.0.1:9/hook";
    private static final String LEAD_EVENTS = "[{\"object_type\": \"lead\", \"action\": \"created\"},"
            + " {\"object_type\": \"lead\", \"action\": \"updated\", \"extra_filter\": {\"type\": \"field_accessor\","
            + " \"field\": \"changed_fields\", \"filter\": {\"type\": \"contains\", \"value\": \"name\"}}}]";

    @Test
    void createReadUpdateDeleteWithTheKeyOnlyInTheCreateResponse() {
        WebhookApi api = WebhookApi.admin(WebhookApi.newOrganization());
        String id = api.subscribe(URL, LEAD_EVENTS).then().statusCode(201)
                .body("id", startsWith("whsub_"))
                .body("url", equalTo(URL))
                .body("status", equalTo("active"))
                .body("verify_ssl", equalTo(true))
                .body("signature_key", matchesPattern("[0-9a-f]{64}"))
                .body("events[0].extra_filter", equalTo(null))
                .body("events[1].extra_filter.field", equalTo("changed_fields"))
                .body("organization_id", equalTo(api.organizationId))
                .body("created_by", equalTo(api.userId))
                .extract().path("id");

        api.get(id).then().statusCode(200).body("id", equalTo(id)).body("events.size()", equalTo(2))
                .body("$", not(hasKey("signature_key")));
        api.list().then().statusCode(200).body("data.id", equalTo(List.of(id))).body("has_more", equalTo(false))
                .body("data[0]", not(hasKey("signature_key")));

        api.update(id, "{\"status\": \"paused\", \"verify_ssl\": false,"
                        + " \"events\": [{\"object_type\": \"contact\", \"action\": \"created\"}]}")
                .then().statusCode(200)
                .body("status", equalTo("paused")).body("verify_ssl", equalTo(false))
                .body("events.object_type", equalTo(List.of("contact"))).body("url", equalTo(URL));
        api.get(id).then().statusCode(200).body("status", equalTo("paused"));

        api.delete(id).then().statusCode(200);
        api.get(id).then().statusCode(404);
        api.delete(id).then().statusCode(404);
    }

    @Test
    void refusesBadBodiesNamingEveryBadFieldAndFilterNode() {
        WebhookApi api = WebhookApi.admin(WebhookApi.newOrganization());
        api.create("{}").then().statusCode(400)
                .body("field-errors.url", notNullValue()).body("field-errors.events", notNullValue());
        api.create("{\"url\": \"" + URL + "\", \"events\": [], \"status\": \"sleeping\"}").then().statusCode(400)
                .body("field-errors.events", notNullValue()).body("field-errors.status", containsString("active"));
        api.create("{\"url\": \"" + URL + "\", \"events\": [{\"object_type\": \"lead\"}]}").then().statusCode(400)
                .body("'field-errors'.'events.0.action'", notNullValue());
        api.create("{\"url\": \"" + URL + "\", \"events\": [{\"object_type\": \"lead\", \"action\": \"created\","
                        + " \"extra_filter\": {\"type\": \"and\", \"filters\": [{\"type\": \"is_null\"},"
                        + " {\"type\": \"bogus\"}, {\"type\": \"not\"}, {\"type\": \"field_accessor\", \"filter\": {\"type\": \"equals\"}}]}}]}")
                .then().statusCode(400)
                .body("'field-errors'.'events.0.extra_filter.filters.1.type'", containsString("field_accessor"))
                .body("'field-errors'.'events.0.extra_filter.filters.2.filter'", notNullValue())
                .body("'field-errors'.'events.0.extra_filter.filters.3.field'", notNullValue())
                .body("'field-errors'.'events.0.extra_filter.filters.3.filter.value'", notNullValue());
        api.create("{\"url\": \"" + URL + "\", \"events\": [{\"object_type\": \"lead\", \"action\": \"created\","
                        + " \"extra_filter\": {\"type\": \"equals\", \"value\": \"a\\u0000b\"}}]}")
                .then().statusCode(400).body("'field-errors'.'events.0.extra_filter'", notNullValue());
        api.list().then().statusCode(200).body("data.size()", equalTo(0));

        String id = api.subscribe(URL, LEAD_EVENTS).then().statusCode(201).extract().path("id");
        api.update(id, "{\"url\": \"ftp://example.com/\", \"verify_ssl\": null}").then().statusCode(400)
                .body("field-errors.url", notNullValue()).body("field-errors.verify_ssl", notNullValue());
        api.get(id).then().statusCode(200).body("url", equalTo(URL));
    }

    @Test
    void refusesReceiversOnInternalAddresses() {
        WebhookApi api = WebhookApi.admin(WebhookApi.newOrganization());
        for (String url : List.of("http://10.0.0.7/hook", "https://169.254.169.254/latest/meta-data/",
                "http://192.168.1.1/", "http://[::1]:8080/", "http://[::ffff:10.1.2.3]/", "http://0.0.0.0:8084/",
                "https://[fd00:ec2::254]/", "http://100.64.0.1/")) {
            api.subscribe(url, LEAD_EVENTS).then().statusCode(400)
                    .body("field-errors.url", containsString("internal address"));
        }
        api.subscribe("http://user:secret@127.0.0.1/", LEAD_EVENTS).then().statusCode(400)
                .body("field-errors.url", notNullValue());
        api.subscribe("not a url", LEAD_EVENTS).then().statusCode(400).body("field-errors.url", notNullValue());
        api.list().then().statusCode(200).body("data.size()", equalTo(0));
        // the tests' allow-list admits loopback (127.0.0.0/8) over http, as the development stack does
        api.subscribe("http://127.0.0.1:1/", LEAD_EVENTS).then().statusCode(201);
    }

    @Test
    void adminsManageEverySubscriptionOthersOnlyTheirOwn() {
        String organization = WebhookApi.newOrganization();
        WebhookApi admin = WebhookApi.admin(organization);
        WebhookApi alice = WebhookApi.member(organization);
        WebhookApi bob = WebhookApi.member(organization);
        String alices = alice.subscribe(URL, LEAD_EVENTS).then().statusCode(201).extract().path("id");
        String admins = admin.subscribe(URL, LEAD_EVENTS).then().statusCode(201).extract().path("id");

        alice.list().then().statusCode(200).body("data.id", equalTo(List.of(alices)));
        bob.list().then().statusCode(200).body("data.size()", equalTo(0));
        admin.list().then().statusCode(200).body("data.id", equalTo(List.of(alices, admins)));

        bob.get(alices).then().statusCode(404);
        bob.update(alices, "{\"status\": \"paused\"}").then().statusCode(404);
        bob.delete(alices).then().statusCode(404);
        alice.get(admins).then().statusCode(404);
        alice.get(alices).then().statusCode(200);
        admin.update(alices, "{\"status\": \"paused\"}").then().statusCode(200).body("updated_by", equalTo(admin.userId));
        alice.update(alices, "{\"status\": \"active\"}").then().statusCode(200);
        admin.delete(alices).then().statusCode(200);
    }

    @Test
    void anotherOrganizationsSubscriptionDoesNotExist() {
        WebhookApi mine = WebhookApi.admin(WebhookApi.newOrganization());
        WebhookApi theirs = WebhookApi.admin(WebhookApi.newOrganization());
        String id = theirs.subscribe(URL, LEAD_EVENTS).then().statusCode(201).extract().path("id");

        mine.get(id).then().statusCode(404);
        mine.update(id, "{\"status\": \"paused\"}").then().statusCode(404);
        mine.delete(id).then().statusCode(404);
        mine.deliveries(id).then().statusCode(404);
        mine.list().then().statusCode(200).body("data.size()", equalTo(0));
        theirs.get(id).then().statusCode(200).body("status", equalTo("active"));
    }

    @Test
    void fortySubscriptionsPerOrganization() {
        WebhookApi api = WebhookApi.admin(WebhookApi.newOrganization());
        for (int i = 0; i < 40; i++) {
            api.subscribe(URL, LEAD_EVENTS).then().statusCode(201);
        }
        api.subscribe(URL, LEAD_EVENTS).then().statusCode(400).body("errors[0]", containsString("40"));
        // another organization is not affected
        WebhookApi.admin(WebhookApi.newOrganization()).subscribe(URL, LEAD_EVENTS).then().statusCode(201);
    }
}
