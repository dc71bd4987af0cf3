package io.leadline.gateway.oauth;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Who a person signed in at the OpenID Connect provider is in Leadline. The provider's (issuer, subject) identifies
 * a linked account; an unlinked one is matched to the Leadline user with the same email, only when the provider
 * vouches for that email ({@code email_verified}), and is then linked for good. A Leadline user is linked to one
 * account per provider: a second account claiming the same email is refused rather than silently taking over.
 * Nobody is created here: people join Leadline by invitation (operator API, {@code POST /membership/}).
 */
@ApplicationScoped
public class ProviderAccounts {

    /** The Leadline user signed in, or why not (a sentence for the person, never both). */
    public record SignIn(String userId, String refusal) {

        static SignIn of(String userId) {
            return new SignIn(userId, null);
        }

        static SignIn refused(String refusal) {
            return new SignIn(null, refusal);
        }
    }

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    public Uni<SignIn> signIn(String issuer, String subject, String email, boolean emailVerified) {
        if (issuer == null || subject == null || subject.isBlank()) {
            return Uni.createFrom().item(SignIn.refused("The sign-in service did not say who you are."));
        }
        return linkedUser(issuer, subject).chain(linked -> {
            if (linked != null) {
                return Uni.createFrom().item(SignIn.of(linked));
            }
            if (email == null || email.isBlank()) {
                return Uni.createFrom().item(SignIn.refused("The sign-in service did not share your email address, "
                        + "which Leadline needs to find your account."));
            }
            if (!emailVerified) {
                return Uni.createFrom().item(SignIn.refused("Your email address " + email + " is not verified at the "
                        + "sign-in service. Verify it there, then try again."));
            }
            return link(issuer, subject, email.strip());
        });
    }

    private Uni<SignIn> link(String issuer, String subject, String email) {
        return pool.preparedQuery("""
                        select u.id, i.subject from users u
                        left join user_identities i on i.user_id = u.id and i.issuer = $1
                        where lower(u.email) = lower($2)""")
                .execute(Tuple.of(issuer, email))
                .chain(rows -> {
                    Row user = first(rows);
                    if (user == null) {
                        return Uni.createFrom().item(SignIn.refused("No Leadline account uses " + email + ". Ask an "
                                + "administrator of your organization to invite you."));
                    }
                    if (user.getString("subject") != null) {
                        return Uni.createFrom().item(alreadyLinked(email));
                    }
                    String userId = user.getString("id");
                    // two first sign-ins at once: the keys decide, and whoever lost reads the winner's link back
                    return pool.preparedQuery("""
                                    insert into user_identities (issuer, subject, user_id, email, date_created)
                                    values ($1, $2, $3, $4, $5) on conflict do nothing""")
                            .execute(Tuple.of(issuer, subject, userId, email,
                                    OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)))
                            .chain(inserted -> linkedUser(issuer, subject))
                            .map(linked -> userId.equals(linked) ? SignIn.of(userId) : alreadyLinked(email));
                });
    }

    private Uni<String> linkedUser(String issuer, String subject) {
        return pool.preparedQuery("select user_id from user_identities where issuer = $1 and subject = $2")
                .execute(Tuple.of(issuer, subject))
                .map(rows -> {
                    Row row = first(rows);
                    return row == null ? null : row.getString("user_id");
                });
    }

    private static SignIn alreadyLinked(String email) {
        return SignIn.refused("The Leadline account of " + email + " is already linked to another account at the "
                + "sign-in service. Sign in with that one, or ask your administrator.");
    }

    private static Row first(RowSet<Row> rows) {
        RowIterator<Row> iterator = rows.iterator();
        return iterator.hasNext() ? iterator.next() : null;
    }
}
