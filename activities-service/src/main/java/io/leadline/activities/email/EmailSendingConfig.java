package io.leadline.activities.email;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The sending worker's settings ({@code leadline.email.*}); the SMTP server itself is {@code quarkus.mailer.*}. */
@ConfigMapping(prefix = "leadline.email")
public interface EmailSendingConfig {

    /** False in a deployment that must never send (emails then wait in the outbox). */
    @WithDefault("true")
    boolean sendingEnabled();

    /** How often the worker looks for due emails besides being woken by a write. */
    @WithDefault("1s")
    Duration pollInterval();

    /** SMTP attempts before an email ends in {@code error}. */
    @WithDefault("5")
    int maxAttempts();

    /** Wait after the first failed attempt; doubled after each further one. */
    @WithDefault("30s")
    Duration retryBackoff();

    /** The domain part of the Message-IDs of sent emails. */
    @WithDefault("leadline.local")
    String messageIdDomain();
}
