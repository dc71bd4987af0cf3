package io.leadline.gateway.hardening;

import io.leadline.gateway.support.GatewayTestProfile;
import io.leadline.platform.testing.LogCapture;
import io.leadline.gateway.support.Tenants;
import io.leadline.gateway.support.Tenants.Tenant;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests no client library would send (broken percent-escapes, unknown charsets, a garbled Accept) are answered
 * 4xx by the gateway or passed through to the service as they came, never a 500, and log nothing above debug.
 */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class MalformedRequestTest {

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void malformedRequestsNeverDrawA500OrAnErrorLog() throws IOException {
        Tenant tenant = Tenants.create("Malformed Org");
        String auth = "Authorization: " + Tenants.basic(tenant.apiKey()) + "\r\n";
        String operator = "Authorization: Bearer " + GatewayTestProfile.OPERATOR_TOKEN + "\r\n";
        String json = "Content-Type: application/json\r\n";
        List<String> failures = new ArrayList<>();
        try (LogCapture logs = LogCapture.start()) {
            check(failures, "GET /api/v1/lead/?query=%zz HTTP/1.1", auth);
            check(failures, "GET /api/v1/lead/?query=%E0%A4 HTTP/1.1", auth);
            check(failures, "GET /api/v1/lead/%zz/ HTTP/1.1", auth);
            check(failures, "GET /api/v1/lead/%/ HTTP/1.1", auth);
            check(failures, "GET /api/v1/me/?_fields=%zz HTTP/1.1", auth);
            check(failures, "GET /api/v1/me/%zz HTTP/1.1", auth);
            check(failures, "GET /api/v1/organization/%zz/ HTTP/1.1", auth);
            check(failures, "GET /api/v1/me/ HTTP/1.1", auth + "Accept: garbage\r\n");
            check(failures, "GET /api/v1/me/ HTTP/1.1", auth + "Accept: application/json;q=x, */\r\n");
            check(failures, "GET /api/v1/lead/ HTTP/1.1", auth + "Accept: ;;;\r\n");
            check(failures, "POST /api/v1/lead/ HTTP/1.1", auth + "Content-Type: application/json; charset=foo\r\n",
                    "{}");
            check(failures, "POST /api/v1/lead/ HTTP/1.1", auth + "x-http-method-override: GET\r\n"
                    + "Content-Type: application/json; charset=foo\r\n", "{}");
            check(failures, "POST /admin/v1/organizations HTTP/1.1", operator
                    + "Content-Type: application/json; charset=foo\r\n", "{\"name\": \"x\"}");
            check(failures, "POST /admin/v1/organizations HTTP/1.1", operator + json + "Accept: garbage\r\n",
                    "{\"name\": \"x\"}");
            check(failures, "POST /admin/v1/organizations%zz HTTP/1.1", operator + json, "{}");
            check(failures, "POST /admin/v1/organizations/%zz/provision HTTP/1.1", operator, "");
            check(failures, "GET /nowhere/%zz HTTP/1.1", "");
            assertEquals(List.of(), failures);
            assertEquals(List.of(), logs.warningsAndErrors());
        }
    }

    private void check(List<String> failures, String requestLine, String headers) throws IOException {
        check(failures, requestLine, headers, null);
    }

    /** Sends the bytes as they are (no client library would), expects a 4xx or a pass-through 200. */
    private void check(List<String> failures, String requestLine, String headers, String body) throws IOException {
        StringBuilder request = new StringBuilder(requestLine).append("\r\nHost: localhost\r\nConnection: close\r\n")
                .append(headers);
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            request.append("Content-Length: ").append(bytes.length).append("\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            String status = answer.length() >= 12 ? answer.substring(9, 12) : "none";
            boolean fine = status.startsWith("4") || status.equals("200");
            if (!fine) {
                failures.add(requestLine + " [" + headers.replace("\r\n", "; ") + "] -> " + status + " "
                        + answer.substring(answer.indexOf("\r\n\r\n") + 4));
            }
            assertTrue(answer.startsWith("HTTP/1.1"), () -> requestLine + " got no answer: " + answer);
        }
    }
}
