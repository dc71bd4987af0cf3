package io.leadline.gateway.oauth;

import io.leadline.gateway.support.GatewayTestProfile;
import io.leadline.gateway.support.Tenants;
import io.leadline.gateway.support.Tenants.Tenant;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who an account at the OpenID Connect provider signs in as (the rules of {@link ProviderAccounts}), against the real
 * identity database. The provider itself is exercised end to end by system-tests' KeycloakSignInIT.
 */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class ProviderAccountsTest {

    private static final String ISSUER = "https://sso.example.test/realms/acme";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    ProviderAccounts accounts;

    @Test
    void anInvitedPersonIsLinkedAtTheFirstSignInAndRecognisedBySubjectAfterwards() {
        Tenant invited = Tenants.create("Linked Org");
        String subject = UUID.randomUUID().toString();

        assertEquals(invited.userId(), signIn(subject, invited.email().toUpperCase(), true).userId());
        // linked: the subject alone identifies them now, whatever the provider says about the email later
        assertEquals(invited.userId(), signIn(subject, "renamed-" + invited.email(), false).userId());
        assertEquals(invited.userId(), signIn(subject, null, false).userId());
    }

    @Test
    void aSecondProviderAccountClaimingALinkedEmailIsRefused() {
        Tenant invited = Tenants.create("Once Org");
        assertEquals(invited.userId(), signIn(UUID.randomUUID().toString(), invited.email(), true).userId());

        ProviderAccounts.SignIn impostor = signIn(UUID.randomUUID().toString(), invited.email(), true);
        assertNull(impostor.userId());
        assertTrue(String.valueOf(impostor.refusal()).contains("already linked to another account"),
                impostor.refusal());
    }

    @Test
    void theSameSubjectAtAnotherProviderIsAnotherAccount() {
        Tenant invited = Tenants.create("Two Providers Org");
        String subject = UUID.randomUUID().toString();
        assertEquals(invited.userId(), signIn(subject, invited.email(), true).userId());

        ProviderAccounts.SignIn elsewhere = accounts.signIn("https://other-idp.example.test", subject,
                "stranger-" + UUID.randomUUID() + "@leadline.test", true).await().atMost(WAIT);
        assertNull(elsewhere.userId());
        assertTrue(String.valueOf(elsewhere.refusal()).contains("No Leadline account uses"),
                elsewhere.refusal());
    }

    @Test
    void anUnknownEmailIsRefusedWithWhatToDo() {
        String email = "nobody-" + UUID.randomUUID() + "@leadline.test";
        ProviderAccounts.SignIn refused = signIn(UUID.randomUUID().toString(), email, true);
        assertNull(refused.userId());
        assertEquals("No Leadline account uses " + email
                + ". Ask an administrator of your organization to invite you.", refused.refusal());
    }

    @Test
    void anUnverifiedEmailIsNeitherSignedInNorLinked() {
        Tenant invited = Tenants.create("Unverified Org");
        String subject = UUID.randomUUID().toString();

        ProviderAccounts.SignIn refused = signIn(subject, invited.email(), false);
        assertNull(refused.userId());
        assertTrue(String.valueOf(refused.refusal()).contains("is not verified"), refused.refusal());
        // nothing was linked: once verified, the same account still links, and another account could have instead
        assertEquals(invited.userId(), signIn(subject, invited.email(), true).userId());
    }

    @Test
    void anAccountWithoutEmailOrSubjectIsRefused() {
        String noEmail = signIn(UUID.randomUUID().toString(), null, true).refusal();
        assertTrue(String.valueOf(noEmail).contains("email address"), noEmail);
        String noSubject = signIn(" ", "someone@leadline.test", true).refusal();
        assertTrue(String.valueOf(noSubject).contains("did not say who you are"), noSubject);
    }

    private ProviderAccounts.SignIn signIn(String subject, String email, boolean verified) {
        return accounts.signIn(ISSUER, subject, email, verified).await().atMost(WAIT);
    }
}
