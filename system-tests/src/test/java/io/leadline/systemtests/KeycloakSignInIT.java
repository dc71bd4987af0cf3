package io.leadline.systemtests;

/** The Keycloak sign-in flow in HtmlUnit, part of every {@code ./mvnw verify}. */
class KeycloakSignInIT extends KeycloakSignInFlow {

    @Override
    SignInBrowser browser() {
        return new HtmlUnitBrowser();
    }
}
