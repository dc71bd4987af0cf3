package io.leadline.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadline.platform.testing.LogCapture;
import io.leadline.platform.testing.ServiceTestProfile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Many clients writing at once, directly at crm-core, some of them hanging up while their write runs (a client or
 * the gateway giving up): every write that is waited for commits and answers, an abandoned write commits or rolls
 * back as a whole, and no request runs its work on a closed session. Before the fix, hang-ups made crm-core log
 * "No current Mutiny.Session found", HR000090 (live transaction while closing the connection) and HHH000099
 * (possible non-threadsafe access to session), and could leak pool connections.
 */
@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class ConcurrentWritesTest {

    private static final int CLIENTS = 16;
    private static final int LEADS = 64;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What the service logs when a write's session is closed or shared under it. */
    private static final String[] SESSION_MISUSE = {"HHH000099", "HR000090", "No current Mutiny.Session",
            "non-threadsafe", "Session/EntityManager is closed", "HR000069"};

    @TestHTTPResource("/api/v1/")
    URI api;

    @Inject
    Pool pool;

    @Test
    void everyConcurrentWriteCommitsAndAnswers() throws Exception {
        TestOrganizations org = TestOrganizations.provisioned();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        try (LogCapture log = LogCapture.start()) {
            Logger.getLogger(ConcurrentWritesTest.class).warn("log capture probe");
            assertFalse(log.containing("log capture probe").isEmpty(), "the capture sees the service's log");

            List<Callable<Void>> work = new ArrayList<>();
            for (int i = 0; i < LEADS; i++) {
                int n = i;
                work.add(() -> leadScript(org, n, failures));
            }
            runConcurrently(work);

            assertEquals(List.of(), List.copyOf(failures), "writes that did not answer 2xx");
            assertEquals(List.of(), log.containing(SESSION_MISUSE), "session misuse logged by crm-core");
        }
    }

    /**
     * Clients that hang up while their write runs must not break anything: the abandoned write commits or rolls back
     * as a whole, everyone else's writes still answer, and afterwards the service still has all its connections.
     */
    @Test
    void writesOfClientsThatHangUpCommitOrRollBackWhole() throws Exception {
        TestOrganizations org = TestOrganizations.provisioned();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ScheduledExecutorService hangUps = Executors.newScheduledThreadPool(2);
        try (LogCapture log = LogCapture.start()) {
            List<Callable<Void>> work = new ArrayList<>();
            for (int i = 0; i < LEADS; i++) {
                int n = i;
                work.add(() -> leadScript(org, n, failures));
                work.add(() -> hangUpDuring(hangUps, org, "lead/", """
                        {"name": "Abandoned %d", "contacts": [{"name": "Gone %d"}]}""".formatted(n, n), n % 20));
                work.add(() -> hangUpDuring(hangUps, org, "opportunity/", """
                        {"note": "abandoned %d"}""".formatted(n), (n * 7) % 20));
            }
            runConcurrently(work);

            // a leaked connection would leave fewer than the pool's 20 for this burst, and some of it would time out
            List<Callable<Void>> afterwards = new ArrayList<>();
            for (int i = 0; i < 2 * CLIENTS; i++) {
                int n = LEADS + i;
                afterwards.add(() -> {
                    call(org, "POST", "lead/", "{\"name\": \"After %d\"}".formatted(n), failures);
                    return null;
                });
            }
            runConcurrently(afterwards);

            assertEquals(List.of(), List.copyOf(failures), "writes that did not answer 2xx");
            assertEquals(List.of(), log.containing(SESSION_MISUSE), "session misuse logged by crm-core");
            assertEquals(List.of(), halfWrittenAbandonedLeads(org), "abandoned leads without their contact or events");
        } finally {
            hangUps.shutdownNow();
        }
    }

    /** What a client seeding a CRM does per lead: the lead, its deal and task, edits, another contact, an orphan deal. */
    private Void leadScript(TestOrganizations org, int n, ConcurrentLinkedQueue<String> failures) {
        JsonNode lead = call(org, "POST", "lead/", """
                {"name": "Lead %d", "contacts": [{"name": "Contact %d", "emails": [{"email": "c%d@example.com"}]}]}"""
                .formatted(n, n, n), failures);
        if (lead == null) {
            return null;
        }
        String leadId = lead.path("id").asText();
        JsonNode opportunity = call(org, "POST", "opportunity/", """
                {"lead_id": "%s", "value": %d, "note": "deal %d"}""".formatted(leadId, 1000 + n, n), failures);
        call(org, "POST", "task/", """
                {"lead_id": "%s", "text": "Call %d", "date": "2024-05-01"}""".formatted(leadId, n), failures);
        call(org, "PUT", "lead/" + leadId + "/", """
                {"name": "Lead %d (renamed)", "description": "edited"}""".formatted(n), failures);
        if (opportunity != null) {
            call(org, "PUT", "opportunity/" + opportunity.path("id").asText() + "/", "{\"confidence\": 40}", failures);
        }
        call(org, "POST", "contact/", """
                {"lead_id": "%s", "name": "Second %d"}""".formatted(leadId, n), failures);
        // without lead_id: an "Untitled" lead is created in the same transaction
        call(org, "POST", "opportunity/", "{\"note\": \"orphan %d\"}".formatted(n), failures);
        return null;
    }

    private JsonNode call(TestOrganizations org, String method, String path, String body,
                          ConcurrentLinkedQueue<String> failures) {
        HttpRequest request = HttpRequest.newBuilder(api.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + org.token())
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                failures.add(method + " " + path + " -> " + response.statusCode() + " " + response.body());
                return null;
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            failures.add(method + " " + path + " -> no answer: " + e);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** Sends a whole POST, then resets the connection {@code millis} later without reading the answer. */
    private Void hangUpDuring(ScheduledExecutorService hangUps, TestOrganizations org, String path, String body,
                              int millis) throws IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + api.resolve(path).getPath() + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + org.token() + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + content.length + "\r\n\r\n";
        Socket socket = new Socket(api.getHost(), api.getPort());
        socket.setSoLinger(true, 0); // close with a reset, as a client that gives up does
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(content);
        out.flush();
        hangUps.schedule(() -> {
            try {
                socket.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, millis, TimeUnit.MILLISECONDS);
        return null;
    }

    /** Leads posted by clients that hung up which lack their one contact or their two events (a half-done write). */
    private List<String> halfWrittenAbandonedLeads(TestOrganizations org) {
        List<String> broken = new ArrayList<>();
        for (Row row : pool.preparedQuery("""
                        select l.id,
                               (select count(*) from contact c where c.lead_id = l.id) as contacts,
                               (select count(*) from outbox_event e where e.record_key = l.id) as events
                        from lead l where l.organization_id = $1 and l.name like 'Abandoned %'""")
                .execute(Tuple.of(org.organizationId())).await().atMost(Duration.ofSeconds(30))) {
            if (row.getLong("contacts") != 1 || row.getLong("events") != 2) {
                broken.add(row.getString("id") + ": " + row.getLong("contacts") + " contacts, "
                        + row.getLong("events") + " events");
            }
        }
        return broken;
    }

    private static void runConcurrently(List<Callable<Void>> work) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Void>> running = new ArrayList<>();
            for (Callable<Void> task : work) {
                running.add(clients.submit(task));
            }
            for (Future<Void> task : running) {
                task.get(5, TimeUnit.MINUTES);
            }
        } finally {
            clients.shutdownNow();
        }
    }
}
