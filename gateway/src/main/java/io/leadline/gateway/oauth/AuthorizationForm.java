package io.leadline.gateway.oauth;

import jakarta.ws.rs.FormParam;

/** The authorization request as the sign-in and consent forms post it back (their hidden fields). */
public class AuthorizationForm {

    @FormParam("response_type")
    public String responseType;

    @FormParam("client_id")
    public String clientId;

    @FormParam("redirect_uri")
    public String redirectUri;

    @FormParam("scope")
    public String scope;

    @FormParam("state")
    public String state;

    @FormParam("code_challenge")
    public String codeChallenge;

    @FormParam("code_challenge_method")
    public String codeChallengeMethod;

    AuthorizationRequest request() {
        return new AuthorizationRequest(responseType, clientId, redirectUri, scope, state, codeChallenge,
                codeChallengeMethod);
    }
}
