package io.leadline.embedded;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

import java.util.List;

/**
 * A real SMTP server inside this JVM (GreenMail): it accepts every message for every address and keeps them in
 * memory, so tests and devstack send real mail and read what arrived. Plain SMTP on 127.0.0.1, no authentication.
 */
public final class EmbeddedSmtpServer implements AutoCloseable {

    private static final String HOST = "127.0.0.1";

    private GreenMail greenMail;
    private final int port;

    private EmbeddedSmtpServer(GreenMail greenMail, int port) {
        this.greenMail = greenMail;
        this.port = port;
    }

    /** A port of 0 is replaced by a free one. Returns once the server accepts connections. */
    public static EmbeddedSmtpServer start(int port) {
        int chosen = FreePorts.orPick(port);
        return new EmbeddedSmtpServer(started(chosen), chosen);
    }

    private static GreenMail started(int port) {
        GreenMail greenMail = new GreenMail(new ServerSetup(port, HOST, ServerSetup.PROTOCOL_SMTP));
        try {
            greenMail.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException("embedded SMTP server did not start on port " + port, e);
        }
        return greenMail;
    }

    /** Takes the server down (what a sender sees when its SMTP server is unreachable), forgetting its mail. */
    public synchronized void stop() {
        greenMail.stop();
    }

    /** Brings a stopped server back on the same port, empty. */
    public synchronized void restart() {
        greenMail = started(port);
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    /** Every message received so far, oldest first. */
    public synchronized List<MimeMessage> receivedMessages() {
        return List.of(greenMail.getReceivedMessages());
    }

    @Override
    public synchronized void close() {
        greenMail.stop();
    }

    @Override
    public String toString() {
        return "embedded SMTP server on " + HOST + ":" + port;
    }
}
