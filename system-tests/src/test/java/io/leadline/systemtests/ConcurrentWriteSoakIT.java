package io.leadline.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14's seeding run, bounded: {@value #CLIENTS} clients, each an organization of its own with its API key, write
 * through the gateway at once — per lead: the lead with a contact, an opportunity, a task, an update of the lead and
 * one of the opportunity — a few thousand requests in all. Every request must be answered, within
 * {@value #CLIENT_TIMEOUT_SECONDS} s, and never with a 5xx; then every event of the soak must reach {@code /event/}.
 * <p>
 * Beside them, {@value #IMPATIENT_CLIENTS} impatient clients post leads and hang up a few milliseconds later, as a
 * client that times out or is killed does: the gateway resets their requests at crm-core, which must finish or roll
 * back those writes cleanly — crm-core's log must show no write losing its session under it ("No current
 * Mutiny.Session found", HR000090, HHH000099), which it did before writes outlived their client.
 * <p>
 * The stack's per-key rate limit ({@link Stack#KEY_RATE_LIMIT} per {@link Stack#RATE_WINDOW_SECONDS} s) is what a
 * client meets here as everywhere: a 429 is not a failure, the client resends after {@code Retry-After}, as Close
 * asks clients to (scheduled, nothing sleeps).
 */
class ConcurrentWriteSoakIT {

    private static final int CLIENTS = 12;
    private static final int LEADS_PER_CLIENT = 34;
    private static final int REQUESTS_PER_LEAD = 5;
    private static final int CLIENT_TIMEOUT_SECONDS = 10;
    private static final int IMPATIENT_CLIENTS = 2;
    private static final int HANG_UPS_PER_CLIENT = 50;
    private static final String[] SESSION_MISUSE = {"HHH000099", "HR000090", "No current Mutiny.Session",
            "non-threadsafe", "Session/EntityManager is closed"};
    private static final Duration SOAK_LIMIT = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(CLIENT_TIMEOUT_SECONDS)).build();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger rateLimited = new AtomicInteger();

    @Test
    void everyConcurrentWriteIsAnsweredWithoutA5xxAndItsEventsReachTheLog() throws Exception {
        List<Tenant> tenants = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            tenants.add(Tenant.create("Soak " + c));
        }

        List<Tenant> impatient = new ArrayList<>();
        for (int c = 0; c < IMPATIENT_CLIENTS; c++) {
            impatient.add(Tenant.create("Impatient " + c));
        }
        Path coreLog = Stack.get().logFile("crm-core-service");
        long coreLogBefore = Files.size(coreLog);

        ScheduledExecutorService hangUps = Executors.newScheduledThreadPool(2);
        try {
            long started = System.nanoTime();
            List<CompletableFuture<Void>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(leads(tenants.get(c), c, 0));
            }
            for (int c = 0; c < IMPATIENT_CLIENTS; c++) {
                for (int i = 0; i < HANG_UPS_PER_CLIENT; i++) {
                    clients.add(hangUp(hangUps, impatient.get(c), c * HANG_UPS_PER_CLIENT + i));
                }
            }
            CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new))
                    .get(SOAK_LIMIT.toSeconds(), TimeUnit.SECONDS);
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
            report(seconds);
        } finally {
            hangUps.shutdownNow();
        }

        assertThat(failures).as("requests without a 2xx answer (5xx, timeouts, refused)").isEmpty();
        assertThat(answered.get()).isEqualTo(CLIENTS * LEADS_PER_CLIENT * REQUESTS_PER_LEAD);

        // A lead's events share its record key, so they reach the log in order: once each lead's last event (its
        // opportunity's update) and every lead.created are there, the soak's events all are.
        Awaitility.await("the soak's events in /event/").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> tenants.stream().allMatch(tenant -> eventCount(tenant, "opportunity", "updated")
                        == LEADS_PER_CLIENT && eventCount(tenant, "lead", "created") == LEADS_PER_CLIENT));

        // read after the wait for events: the abandoned writes have long finished by now
        String coreLogOfSoak = logSince(coreLog, coreLogBefore);
        assertThat(Arrays.stream(SESSION_MISUSE).filter(coreLogOfSoak::contains).toList())
                .as("session misuse in crm-core's log (%s)", coreLog).isEmpty();
    }

    /**
     * Sends a whole lead POST through the gateway, {@code n} × 200 ms into the soak, and resets the connection 0–39 ms
     * later without reading the answer.
     */
    private CompletableFuture<Void> hangUp(ScheduledExecutorService scheduler, Tenant tenant, int n) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        scheduler.schedule(() -> {
            URI gateway = URI.create(Stack.get().gatewayUrl());
            byte[] body = "{\"name\": \"Abandoned %d\", \"contacts\": [{\"name\": \"Gone\"}]}".formatted(n)
                    .getBytes(StandardCharsets.UTF_8);
            String head = "POST /api/v1/lead/ HTTP/1.1\r\nHost: " + gateway.getHost() + "\r\nAuthorization: "
                    + basic(tenant) + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\n\r\n";
            try {
                Socket socket = new Socket(gateway.getHost(), gateway.getPort());
                socket.setSoLinger(true, 0); // a reset, as a client that gives up sends
                socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().write(body);
                socket.getOutputStream().flush();
                scheduler.schedule(() -> {
                    try {
                        socket.close();
                        done.complete(null);
                    } catch (IOException e) {
                        done.completeExceptionally(e);
                    }
                }, (n * 13L) % 40, TimeUnit.MILLISECONDS);
            } catch (IOException e) {
                done.completeExceptionally(e);
            }
        }, n * 200L, TimeUnit.MILLISECONDS);
        return done;
    }

    private static String logSince(Path log, long offset) throws IOException {
        byte[] all = Files.readAllBytes(log);
        return new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset),
                StandardCharsets.UTF_8);
    }

    /** The client's leads one after another, each lead's requests in order (they depend on each other). */
    private CompletableFuture<Void> leads(Tenant tenant, int client, int lead) {
        if (lead == LEADS_PER_CLIENT) {
            return CompletableFuture.completedFuture(null);
        }
        String n = client + "-" + lead;
        return send(tenant, "POST", "lead/", """
                {"name": "Soak %s", "contacts": [{"name": "Contact %s", "emails": [{"email": "c%s@soak.example"}]}]}"""
                .formatted(n, n, n))
                .thenCompose(created -> {
                    if (created == null) {
                        return CompletableFuture.completedFuture(null);
                    }
                    String leadId = created.path("id").asText();
                    return send(tenant, "POST", "opportunity/", """
                            {"lead_id": "%s", "value": 1000, "note": "deal %s"}""".formatted(leadId, n))
                            .thenCompose(opportunity -> send(tenant, "POST", "task/", """
                                    {"lead_id": "%s", "text": "Call %s", "date": "2024-05-01"}"""
                                    .formatted(leadId, n))
                                    .thenCompose(task -> send(tenant, "PUT", "lead/" + leadId + "/",
                                            "{\"description\": \"soaked\"}"))
                                    .thenCompose(updated -> opportunity == null
                                            ? CompletableFuture.completedFuture(null)
                                            : send(tenant, "PUT", "opportunity/" + opportunity.path("id").asText() + "/",
                                                    "{\"confidence\": 60}")));
                })
                .thenCompose(done -> leads(tenant, client, lead + 1));
    }

    /** One request until it is answered with something other than a 429; null (and a recorded failure) unless 2xx. */
    private CompletableFuture<JsonNode> send(Tenant tenant, String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(Stack.get().gatewayUrl() + "/api/v1/" + path))
                .timeout(Duration.ofSeconds(CLIENT_TIMEOUT_SECONDS))
                .header("Authorization", basic(tenant))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
        long sent = System.nanoTime();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
            if (failure != null) {
                failures.add(method + " " + path + " -> no answer within " + CLIENT_TIMEOUT_SECONDS + " s: " + failure);
                return CompletableFuture.<JsonNode>completedFuture(null);
            }
            if (response.statusCode() == 429) {
                rateLimited.incrementAndGet();
                long wait = response.headers().firstValueAsLong("Retry-After").orElse(1);
                return CompletableFuture.supplyAsync(() -> null, CompletableFuture.delayedExecutor(wait, TimeUnit.SECONDS))
                        .thenCompose(ignored -> send(tenant, method, path, body));
            }
            answered.incrementAndGet();
            latencies.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent));
            if (response.statusCode() / 100 != 2) {
                failures.add(method + " " + path + " -> " + response.statusCode() + " " + response.body());
                return CompletableFuture.<JsonNode>completedFuture(null);
            }
            return CompletableFuture.completedFuture(parse(response.body()));
        }).thenCompose(next -> next);
    }

    /** How many events of this type the organization's log holds, paging with the log's cursor. */
    private long eventCount(Tenant tenant, String objectType, String action) {
        long count = 0;
        String cursor = null;
        do {
            String query = "event/?object_type=" + objectType + "&action=" + action + "&_limit=50&_fields=id"
                    + (cursor == null ? "" : "&_cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            HttpRequest request = HttpRequest.newBuilder(URI.create(Stack.get().gatewayUrl() + "/api/v1/" + query))
                    .timeout(Duration.ofSeconds(CLIENT_TIMEOUT_SECONDS)).header("Authorization", basic(tenant)).build();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (response.statusCode() == 429) {
                return -1; // not known yet: asked again at the next poll
            }
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode page = parse(response.body());
            count += page.path("data").size();
            cursor = page.path("cursor_next").isTextual() ? page.path("cursor_next").asText() : null;
        } while (cursor != null);
        return count;
    }

    private void report(long seconds) {
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        long p50 = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
        long p99 = sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * 99 / 100));
        System.out.printf("Soak: %d answered requests from %d clients in %d s, %d rate-limited and resent,"
                        + " latency p50 %d ms, p99 %d ms, max %d ms, %d failures%n", answered.get(), CLIENTS, seconds,
                rateLimited.get(), p50, p99, sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1), failures.size());
    }

    private static String basic(Tenant tenant) {
        return "Basic " + Base64.getEncoder().encodeToString((tenant.apiKey() + ":").getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
