package io.leadline.activities.email;

import io.leadline.embedded.EmbeddedSmtpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/** A real SMTP server (GreenMail) for the service to send to; tests read what arrived through {@link Smtp}. */
public class SmtpServerTestResource implements QuarkusTestResourceLifecycleManager {

    /** Marks the test field that receives the running server. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Smtp {
    }

    private EmbeddedSmtpServer server;

    @Override
    public Map<String, String> start() {
        server = EmbeddedSmtpServer.start(0);
        return Map.of("quarkus.mailer.host", server.host(), "quarkus.mailer.port", String.valueOf(server.port()));
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(Smtp.class, EmbeddedSmtpServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
