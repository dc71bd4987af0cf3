package io.leadline.platform.owner;

import io.leadline.platform.wire.CloseException;
import io.vertx.core.http.HttpServer;
import io.vertx.mutiny.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Against a real HTTP server playing crm-core and activities-service, as the owners answer a caller's token. */
class OwnerApiTest {

    private static final String TOKEN = "the-callers-internal-token";
    private static Vertx vertx;
    private static HttpServer owner;
    private static OwnerApi api;
    private static final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startOwner() {
        vertx = Vertx.vertx();
        owner = vertx.getDelegate().createHttpServer().requestHandler(request -> {
            requests.add(request.uri());
            if (!("Bearer " + TOKEN).equals(request.getHeader("Authorization"))) {
                request.response().setStatusCode(401).end("{\"error\":\"no token\"}");
                return;
            }
            String path = request.path();
            switch (path) {
                case "/api/v1/lead/lead_mine/" -> request.response().end(
                        "{\"id\":\"lead_mine\",\"organization_id\":\"orga_1\"}");
                case "/api/v1/contact/cont_mine/" -> request.response().end(
                        "{\"id\":\"cont_mine\",\"organization_id\":\"orga_1\",\"lead_id\":\"lead_mine\"}");
                case "/api/v1/activity/" -> request.response().end("acti_mine".equals(request.getParam("id__in"))
                        ? "{\"data\":[{\"id\":\"acti_mine\",\"_type\":\"LeadStatusChange\",\"organization_id\":\"orga_1\",\"lead_id\":\"lead_mine\"}],\"has_more\":false}"
                        : "{\"data\":[],\"has_more\":false}");
                case "/api/v1/task/task_broken/" -> request.response().setStatusCode(500).end("{\"error\":\"boom\"}");
                default -> request.response().setStatusCode(404).end("{\"error\":\"Empty query\"}");
            }
        }).listen(0).toCompletionStage().toCompletableFuture().join();
        String base = "http://127.0.0.1:" + owner.actualPort();
        api = new OwnerApi(vertx, service -> Optional.of(service.equals("down") ? "http://127.0.0.1:1" : base));
    }

    @AfterAll
    static void stop() {
        vertx.closeAndAwait();
    }

    private static Optional<OwnedObject> find(String id) {
        return api.find(id, TOKEN).await().atMost(Duration.ofSeconds(10));
    }

    @Test
    void aLeadIsItsOwnLeadAndAsksOnlyForTheFieldsAReferenceNeeds() {
        OwnedObject lead = find("lead_mine").orElseThrow();
        assertEquals("orga_1", lead.organizationId());
        assertEquals("lead", lead.objectType());
        assertEquals("lead_mine", lead.leadId());
        assertTrue(requests.contains("/api/v1/lead/lead_mine/?_fields=id,organization_id,lead_id,_type"), requests::toString);
    }

    @Test
    void aContactBelongsToItsLead() {
        OwnedObject contact = find("cont_mine").orElseThrow();
        assertEquals("contact", contact.objectType());
        assertEquals("lead_mine", contact.leadId());
    }

    @Test
    void anActivityIsFoundByIdWithoutKnowingItsTypeAndFiledUnderTheEventLogsName() {
        OwnedObject activity = find("acti_mine").orElseThrow();
        assertEquals("activity.lead_status_change", activity.objectType());
        assertEquals("lead_mine", activity.leadId());
        assertTrue(find("acti_other").isEmpty());
    }

    @Test
    void unknownAndOtherOrganizationsIdsAndUnknownKindsAreEmpty() {
        assertTrue(find("lead_someone_elses").isEmpty());
        assertTrue(find("widget_1").isEmpty());
        assertTrue(find("nounderscore").isEmpty());
        assertTrue(find(null).isEmpty());
    }

    @Test
    void anOwnerThatCannotAnswerIsUnavailableNeverNotFound() {
        CloseException failure = assertThrows(CloseException.class, () -> find("task_broken"));
        assertEquals(503, failure.status());
    }

    @Test
    void anUnreachableOwnerIsUnavailable() {
        OwnerApi unreachable = new OwnerApi(vertx, service -> Optional.of("http://127.0.0.1:1"));
        CloseException failure = assertThrows(CloseException.class,
                () -> unreachable.find("lead_mine", TOKEN).await().atMost(Duration.ofSeconds(10)));
        assertEquals(503, failure.status());
        assertNull(failure.getCause());
    }
}
