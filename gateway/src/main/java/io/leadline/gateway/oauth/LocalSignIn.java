package io.leadline.gateway.oauth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.leadline.platform.wire.CloseException;
import io.leadline.platform.wire.ValidationException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Sign-in with a password on the authorization page, for deployments without an OpenID Connect provider. Passwords
 * are bcrypt (cost {@value #COST}); hashing takes ~100 ms on purpose, so it runs on a worker thread, never the event
 * loop. An unknown email costs the same bcrypt as a wrong password, so timing does not tell which emails exist.
 */
@ApplicationScoped
public class LocalSignIn {

    static final int COST = 12;
    static final int MIN_LENGTH = 10;
    // bcrypt reads at most 72 bytes; longer passwords would be silently cut
    static final int MAX_BYTES = 72;
    private static final byte[] DECOY_HASH = BCrypt.withDefaults().hash(COST, "decoy-password-0".toCharArray());

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    /** Sets (or replaces) a user's password; 404 for an unknown user, 400 for a password too short or too long. */
    public Uni<Void> setPassword(String userId, String password) {
        if (password == null || password.length() < MIN_LENGTH
                || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw ValidationException.field("password", "must have at least " + MIN_LENGTH + " characters and at most "
                    + MAX_BYTES + " bytes.");
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return Uni.createFrom().item(() -> BCrypt.withDefaults().hashToString(COST, password.toCharArray()))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(hash -> pool.preparedQuery("""
                                insert into user_passwords (user_id, password_hash, date_updated)
                                select id, $2, $3 from users where id = $1
                                on conflict (user_id) do update set password_hash = $2, date_updated = $3""")
                        .execute(Tuple.of(userId, hash, now)))
                .map(result -> {
                    if (result.rowCount() == 0) {
                        throw CloseException.notFound();
                    }
                    return null;
                });
    }

    /** The id of the user with this email and password, or null. */
    public Uni<String> verify(String email, String password) {
        if (email == null || password == null || email.isBlank()) {
            return Uni.createFrom().nullItem();
        }
        return pool.preparedQuery("select u.id, p.password_hash from users u join user_passwords p on p.user_id = u.id "
                        + "where lower(u.email) = lower($1)")
                .execute(Tuple.of(email.strip()))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(rows -> {
                    RowIterator<Row> found = rows.iterator();
                    Row row = found.hasNext() ? found.next() : null;
                    byte[] hash = row == null ? DECOY_HASH : row.getString("password_hash")
                            .getBytes(StandardCharsets.UTF_8);
                    boolean verified = BCrypt.verifyer().verify(password.toCharArray(), hash).verified;
                    return row != null && verified ? row.getString("id") : null;
                });
    }
}
