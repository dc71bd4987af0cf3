package io.leadline.platform.testing;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestResourcesTest {

    @Test
    void testResourcesHandOutWorkingConfig() throws Exception {
        PostgresTestResource postgres = new PostgresTestResource();
        Map<String, String> first = postgres.start();
        Map<String, String> second = new PostgresTestResource().start();
        assertNotEquals(first.get("quarkus.datasource.jdbc.url"), second.get("quarkus.datasource.jdbc.url"));
        try (Connection connection = DriverManager.getConnection(first.get("quarkus.datasource.jdbc.url"),
                first.get("quarkus.datasource.username"), first.get("quarkus.datasource.password"))) {
            assertTrue(connection.isValid(5));
        }
        postgres.stop();

        Map<String, String> jwt = new InternalJwtTestResource().start();
        assertTrue(Files.isRegularFile(Path.of(jwt.get("mp.jwt.verify.publickey.location"))));
        assertEquals("leadline-gateway", jwt.get("mp.jwt.verify.issuer"));
    }

    @Test
    void mintedTokenCarriesTheInternalClaims() {
        String token = InternalTokens.mint("orga_1", "user_1", "key_1", "member");
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        assertTrue(payload.contains("\"iss\":\"leadline-gateway\""), payload);
        assertTrue(payload.contains("\"org_id\":\"orga_1\""), payload);
        assertTrue(payload.contains("\"sub\":\"user_1\""), payload);
        assertTrue(payload.contains("\"api_key_id\":\"key_1\""), payload);
        assertTrue(payload.contains("\"role\":\"member\""), payload);
    }
}
