package io.leadline.gateway.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadline.gateway.support.FakeUpstreamResource;
import io.leadline.gateway.support.GatewayTestProfile;
import io.leadline.platform.testing.LogCapture;
import io.leadline.gateway.support.Tenants;
import io.leadline.gateway.support.Tenants.Tenant;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A client that goes away mid-exchange costs a debug line and the upstream exchange: no error, no stuck pool. */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class ClientDisconnectTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    // far more than every socket buffer between the fake service and the client holds
    private static final int ENDLESS_KIB = 1024 * 1024;

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void aClientLeavingMidResponseResetsTheUpstreamWithoutAnError() throws IOException {
        Tenant tenant = Tenants.create("Leaving Mid Response Org");
        int abortedBefore = exchanges().path("aborted").asInt();
        try (LogCapture logs = LogCapture.start()) {
            try (Socket client = send(tenant, FakeUpstreamResource.STREAM_PATH + "?kib=" + ENDLESS_KIB)) {
                InputStream in = client.getInputStream();
                byte[] some = in.readNBytes(256 * 1024);
                assertEquals(256 * 1024, some.length, "the response streams before it is complete");
                client.setSoLinger(true, 0); // leave abruptly, like a killed process
            }

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> exchanges().path("aborted").asInt() > abortedBefore);
            // the pool recovers: the next requests go through, streamed or not
            tenant.api().get("/api/v1/lead/").then().statusCode(200);
            String streamed = tenant.api().get(FakeUpstreamResource.STREAM_PATH + "?kib=64")
                    .then().statusCode(200).extract().asString();
            assertEquals(64 * 1024, streamed.length());
            assertEquals(List.of(), logs.warningsAndErrors());
        }
    }

    @Test
    void aClientLeavingBeforeTheAnswerResetsTheUpstreamWithoutAnError() throws IOException {
        Tenant tenant = Tenants.create("Leaving Early Org");
        int heldBefore = exchanges().path("held").asInt();
        try (LogCapture logs = LogCapture.start()) {
            try (Socket client = send(tenant, FakeUpstreamResource.HELD_PATH)) {
                await().atMost(Duration.ofSeconds(10)).until(() -> exchanges().path("held").asInt() > heldBefore);
                client.setSoLinger(true, 0);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> logs.anyMessageContains("upstream request reset"));
            fake(FakeUpstreamResource.RELEASE_PATH);

            tenant.api().get("/api/v1/lead/").then().statusCode(200).body("path", equalTo("/api/v1/lead/"));
            assertEquals(List.of(), logs.warningsAndErrors());
        }
    }

    @Test
    void streamsALargeResponseWhole() {
        Tenant tenant = Tenants.create("Large Response Org");
        byte[] body = tenant.api().get(FakeUpstreamResource.STREAM_PATH + "?kib=8192")
                .then().statusCode(200).extract().asByteArray();
        assertEquals(8192 * 1024, body.length);
        for (byte b : body) {
            assertTrue(b == 'x');
        }
    }

    /** A raw HTTP/1.1 request, so the test decides when the connection ends. */
    private Socket send(Tenant tenant, String path) throws IOException {
        Socket socket = new Socket(gateway.getHost(), gateway.getPort());
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: " + gateway.getHost() + "\r\nAuthorization: "
                + Tenants.basic(tenant.apiKey()) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private static JsonNode exchanges() throws IOException {
        return JSON.readTree(fake(FakeUpstreamResource.EXCHANGES_PATH));
    }

    private static String fake(String path) {
        String crmCore = ConfigProvider.getConfig().getValue("leadline.gateway.upstream.crm-core", String.class);
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(crmCore + path)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
