package io.leadline.platform.write;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A write transaction runs to its end — commit or rollback — even when the client that asked for it goes away.
 * <p>
 * Quarkus REST cancels a resource method's {@code Uni} when its HTTP connection closes (a client or the gateway
 * giving up, a keep-alive connection reset). Cancelling a {@code @WithTransaction} pipeline does not stop the
 * statements already sent: it only runs the interceptor's clean-up, which closes the Hibernate Reactive session under
 * the running transaction. The work still in flight then fails on a closed session ("No current Mutiny.Session
 * found", "Session/EntityManager is closed", HHH000099 "possible non-threadsafe access to session"), the connection
 * is closed with its transaction live (HR000090) and, depending on timing, never returns to the pool (quarkus#51576),
 * until the pool is exhausted and every request waits.
 * <p>
 * So this interceptor binds to {@code @WithTransaction} itself (every service's write methods, with no annotation of
 * their own) and runs before Quarkus's transaction interceptor (priority 200): it subscribes to the transaction on
 * the caller's Vert.x context as before, but a cancellation from downstream only detaches the caller; the transaction
 * finishes, the session closes normally and the connection goes back to the pool. Nothing is lost: the write either
 * committed (its events are in the outbox) or rolled back as a whole.
 */
@WithTransaction
@Interceptor
@Priority(WritesOutliveTheirClient.PRIORITY)
public class WritesOutliveTheirClient {

    /** Before Quarkus's {@code WithTransactionInterceptor} (200), so it wraps the whole transaction. */
    static final int PRIORITY = Interceptor.Priority.PLATFORM_BEFORE + 100;

    private static final Logger LOG = Logger.getLogger(WritesOutliveTheirClient.class);

    @AroundInvoke
    Object intercept(InvocationContext invocation) throws Exception {
        if (!Uni.class.equals(invocation.getMethod().getReturnType())) {
            return invocation.proceed();
        }
        return Uni.createFrom().emitter(emitter -> {
            AtomicBoolean settled = new AtomicBoolean();
            AtomicBoolean abandoned = new AtomicBoolean();
            // runs on completion too, but then only after settled is set: otherwise the caller went away
            emitter.onTermination(() -> abandoned.set(!settled.get()));
            Uni<?> transaction;
            try {
                transaction = (Uni<?>) invocation.proceed();
            } catch (Exception e) {
                settled.set(true);
                emitter.fail(e);
                return;
            }
            // Subscribed here and never cancelled: the caller's cancellation stops at this emitter.
            transaction.subscribe().with(item -> {
                settled.set(true);
                if (abandoned.get()) {
                    LOG.debugf("%s committed after its caller went away", invocation.getMethod().getName());
                }
                emitter.complete(item);
            }, failure -> {
                settled.set(true);
                if (abandoned.get()) {
                    LOG.debugf("%s rolled back after its caller went away: %s", invocation.getMethod().getName(),
                            failure.toString());
                }
                emitter.fail(failure);
            });
        });
    }
}
