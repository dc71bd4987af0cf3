package io.leadline.events.webhook;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The receiver-URL rules without the allow-list the service tests run with (literal addresses: no DNS needed). */
class UrlSafetyTest {

    private final UrlSafety production = new UrlSafety(false, List.of());

    @Test
    void productionTakesOnlyHttpsToPublicAddresses() {
        assertTrue(production.problemWith("https://93.184.216.34/hook").isEmpty());
        assertEquals("The URL must use https.", production.problemWith("http://93.184.216.34/hook").orElseThrow());
        assertTrue(production.problemWith("ftp://93.184.216.34/").isPresent());
        assertTrue(production.problemWith("https://127.0.0.1/").orElseThrow().contains("internal address"));
        assertTrue(production.problemWith("https://[::1]/").orElseThrow().contains("internal address"));
        assertTrue(production.problemWith("https://localhost/").orElseThrow().contains("internal address"));
    }

    @Test
    void internalAddressesOfEveryKindAreRefused() throws Exception {
        for (String internal : List.of("10.1.2.3", "172.16.0.1", "192.168.0.1", "127.0.0.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "fe80::1", "fd00:ec2::254",
                "::ffff:169.254.169.254", "::127.0.0.1", "64:ff9b::a00:1")) {
            assertFalse(production.permitted(InetAddress.getByName(internal)), internal);
        }
        for (String external : List.of("93.184.216.34", "8.8.8.8", "2606:4700:4700::1111")) {
            assertTrue(production.permitted(InetAddress.getByName(external)), external);
        }
    }

    @Test
    void anAllowListAdmitsItsNetworksOnly() throws Exception {
        UrlSafety development = new UrlSafety(true, List.of("127.0.0.0/8", "::1/128", "10.20.0.0/16"));
        assertTrue(development.problemWith("http://127.0.0.1:8080/hook").isEmpty());
        assertTrue(development.problemWith("http://[::1]:8080/hook").isEmpty());
        assertTrue(development.permitted(InetAddress.getByName("10.20.255.1")));
        assertFalse(development.permitted(InetAddress.getByName("10.21.0.1")));
        assertFalse(development.permitted(InetAddress.getByName("169.254.169.254")));
        assertThrows(IllegalArgumentException.class, () -> new UrlSafety(false, List.of("example.com/8")));
    }
}
