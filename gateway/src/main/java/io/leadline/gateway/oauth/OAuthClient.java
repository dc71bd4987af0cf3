package io.leadline.gateway.oauth;

import java.util.List;

/** A registered client; {@code secretHash} null means a public client, which must use PKCE. */
record OAuthClient(String id, String organizationId, String name, String secretHash, List<String> redirectUris) {

    boolean isPublic() {
        return secretHash == null;
    }
}
