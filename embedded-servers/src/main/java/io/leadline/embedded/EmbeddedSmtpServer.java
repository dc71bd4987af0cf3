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
    private final int imapPort;

    private EmbeddedSmtpServer(GreenMail greenMail, int port, int imapPort) {
        this.greenMail = greenMail;
        this.port = port;
        this.imapPort = imapPort;
    }

    /** SMTP only. A port of 0 is replaced by a free one. Returns once the server accepts connections. */
    public static EmbeddedSmtpServer start(int port) {
        int chosen = FreePorts.orPick(port);
        return new EmbeddedSmtpServer(started(chosen, -1), chosen, -1);
    }

    /**
     * SMTP and IMAP, so a developer reads what was sent with any mail client: every recipient address is a mailbox
     * whose user name and password are the address itself.
     */
    public static EmbeddedSmtpServer startWithImap(int smtpPort, int imapPort) {
        int smtp = FreePorts.orPick(smtpPort);
        int imap = FreePorts.orPick(imapPort);
        return new EmbeddedSmtpServer(started(smtp, imap), smtp, imap);
    }

    private static GreenMail started(int port, int imapPort) {
        ServerSetup smtp = new ServerSetup(port, HOST, ServerSetup.PROTOCOL_SMTP);
        GreenMail greenMail = imapPort < 0 ? new GreenMail(smtp)
                : new GreenMail(new ServerSetup[] {smtp, new ServerSetup(imapPort, HOST, ServerSetup.PROTOCOL_IMAP)});
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
        greenMail = started(port, imapPort);
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    /** The IMAP port, or -1 when the server speaks SMTP only. */
    public int imapPort() {
        return imapPort;
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
