package io.leadline.systemtests;

/**
 * The Keycloak sign-in flow in real headless Chromium (Selenium):
 * {@code ./mvnw -pl system-tests -am verify -Pbrowser -Dit.test=KeycloakSignInBrowserIT}.
 */
class KeycloakSignInBrowserIT extends KeycloakSignInFlow {

    @Override
    SignInBrowser browser() {
        return new ChromiumBrowser();
    }
}
