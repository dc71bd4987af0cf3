package io.leadline.events.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a webhook may point. A receiver URL is a request the server makes on a client's behalf, so it must not
 * reach the server's own network (server-side request forgery): only https (http only where allowed), and no host
 * that resolves to a loopback, private, link-local (cloud metadata lives at 169.254.169.254), shared, multicast or
 * unspecified address, unless an allowed network holds it. Checked at create and update, and again before each
 * delivery with the address then connected to (a name re-pointed after the check, DNS rebinding, is caught).
 */
final class UrlSafety {

    private final boolean allowHttp;
    private final List<Cidr> allowed;

    UrlSafety(boolean allowHttp, List<String> allowedNetworks) {
        this.allowHttp = allowHttp;
        this.allowed = allowedNetworks.stream().map(String::trim).filter(s -> !s.isEmpty()).map(Cidr::parse).toList();
    }

    static UrlSafety of(WebhooksConfig config) {
        return new UrlSafety(config.allowHttp(), config.allowAddresses().orElse(List.of()));
    }

    /** A receiver URL that passed the checks that need no DNS. */
    record Target(URI uri, String host, int port, boolean https) {
    }

    /** The URL's shape: an absolute http(s) URL with a host; empty with the problem otherwise. */
    Target parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new UnsafeUrl("Enter a valid URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw new UnsafeUrl(allowHttp ? "The URL must use http or https." : "The URL must use https.");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new UnsafeUrl("Enter a valid URL.");
        }
        if (uri.getRawUserInfo() != null) {
            throw new UnsafeUrl("The URL must not hold credentials.");
        }
        boolean https = scheme.equals("https");
        int port = uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80;
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new Target(uri, host, port, https);
    }

    /**
     * Resolves the host (blocking: call off the event loop) and answers the first address it may be sent to;
     * every address of the name must be allowed, so a name with one internal address is refused whole.
     */
    InetAddress resolve(Target target) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(target.host());
        } catch (UnknownHostException e) {
            throw new UnsafeUrl("The URL's host does not resolve.");
        }
        for (InetAddress address : addresses) {
            if (!permitted(address)) {
                throw new UnsafeUrl("The URL's host resolves to an internal address (" + address.getHostAddress()
                        + "), which webhooks may not reach.");
            }
        }
        return addresses[0];
    }

    boolean permitted(InetAddress address) {
        return isPublic(address) || allowed.stream().anyMatch(cidr -> cidr.contains(address));
    }

    static boolean isPublic(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            if (isV4Mapped(b) || isV4Compatible(b)) {
                return isPublic(v4(Arrays.copyOfRange(b, 12, 16)));
            }
            // fc00::/7 unique local (cloud metadata fd00:ec2::254), 64:ff9b::/96 NAT64, 2001:db8::/32 documentation
            boolean uniqueLocal = (b[0] & 0xfe) == 0xfc;
            boolean nat64 = b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b;
            return !(address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                    || address.isSiteLocalAddress() || address.isMulticastAddress() || uniqueLocal || nat64);
        }
        byte[] b = address.getAddress();
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        boolean shared = first == 100 && second >= 64 && second <= 127;          // 100.64.0.0/10 carrier-grade NAT
        boolean thisNetwork = first == 0;                                         // 0.0.0.0/8
        boolean reserved = first >= 240;                                          // 240.0.0.0/4 and broadcast
        boolean benchmark = first == 198 && (second == 18 || second == 19);       // 198.18.0.0/15
        boolean ietf = first == 192 && second == 0 && (b[2] & 0xff) == 0;         // 192.0.0.0/24
        return !(address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()
                || shared || thisNetwork || reserved || benchmark || ietf);
    }

    private static boolean isV4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }

    private static boolean isV4Compatible(byte[] b) {
        for (int i = 0; i < 12; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress v4(byte[] b) {
        try {
            return Inet4Address.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A refused URL; its message is what the client is told. */
    static final class UnsafeUrl extends RuntimeException {
        UnsafeUrl(String message) {
            super(message, null, false, false);
        }
    }

    /** A network such as {@code 127.0.0.0/8}. */
    record Cidr(byte[] network, int prefix) {
        static Cidr parse(String text) {
            String[] parts = text.split("/", 2);
            try {
                // a literal address only: getByName does not look a literal up
                if (!parts[0].matches("[0-9a-fA-F.:]+")) {
                    throw new IllegalArgumentException("Not an address: " + text);
                }
                byte[] network = InetAddress.getByName(parts[0]).getAddress();
                int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalArgumentException("Bad prefix: " + text);
                }
                return new Cidr(network, prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("leadline.webhooks.allow-addresses: not a network: " + text, e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    Optional<String> problemWith(String url) {
        try {
            resolve(parse(url));
            return Optional.empty();
        } catch (UnsafeUrl e) {
            return Optional.of(e.getMessage());
        }
    }
}
