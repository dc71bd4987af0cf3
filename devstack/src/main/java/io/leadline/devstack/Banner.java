package io.leadline.devstack;

import java.time.Duration;
import java.util.Map;

/** What ./run prints once everything is ready: where to point a Close client, and how to try it. */
final class Banner {

    private Banner() {
    }

    static void print(RunningStack stack, DevstackOptions options, Duration total) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%nLeadline is up in %.1f s%n", seconds(total)));
        for (Map.Entry<String, Duration> entry : stack.startupTimes().entrySet()) {
            out.append(String.format("  %-20s %5.1f s%s%n", entry.getKey(), seconds(entry.getValue()),
                    ServiceModule.named(entry.getKey()).map(m -> "   " + stack.serviceUrl(m.directory())).orElse("")));
        }
        out.append(String.format("%n  PostgreSQL       %s%n", stack.dbUrl()));
        out.append(String.format("  Kafka            %s%n", stack.kafkaBootstrap()));
        out.append(String.format("  Logs             %s%n", stack.workDir().resolve("logs")));
        out.append(String.format("  Sent email       SMTP %s; read it over IMAP at %s (user and password: the"
                + " recipient's address); nothing leaves this machine%n", stack.smtpAddress(), stack.imapAddress()));
        if (options.startServices()) {
            out.append(String.format("%n  Gateway          %s%n", stack.gatewayUrl()));
        }
        if (stack.demoApiKey() != null) {
            out.append(String.format("  Demo API key     %s%n", stack.demoApiKey()));
        }
        out.append(String.format("  Operator token   %s%n", stack.operatorToken()));
        if (options.startServices()) {
            out.append(String.format("  Webhooks         may target http:// and loopback receivers here"
                    + " (e.g. http://127.0.0.1:9999/hook); production allows https to public addresses only%n"));
        }
        if (stack.demoApiKey() != null) {
            out.append(String.format("%nTry:%n  curl -u \"%s:\" %s/api/v1/me/%n", stack.demoApiKey(), stack.gatewayUrl()));
        }
        out.append(String.format("%nCtrl-C stops everything.%n"));
        System.out.print(out);
        System.out.flush();
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
