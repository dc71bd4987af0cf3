package io.leadline.activities.email;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadline.platform.read.StoredDocument;
import io.leadline.platform.wire.CloseDateTimes;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.StartTLSOptions;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Locale;

/**
 * An organization's own outgoing mail server (a Leadline extension): its emails are sent through it instead of the
 * deployment's default. The password is kept only to log in: neither the wire form nor any event carries it.
 */
@Entity
@Table(name = "organization_smtp")
public class OrganizationSmtp extends StoredDocument {

    @Id
    @Column(name = "organization_id")
    public String organizationId;

    @Column(nullable = false)
    public String host;

    @Column(nullable = false)
    public int port;

    public String username;

    public String password;

    /** Vert.x's {@link StartTLSOptions} name. */
    @Column(name = "start_tls", nullable = false)
    public String startTls;

    @Column(nullable = false)
    public boolean tls;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "date_updated", nullable = false)
    public Instant dateUpdated;

    /** The Vert.x mail client's settings for this server (logging in only when a user name is set). */
    MailConfig mailConfig() {
        MailConfig config = new MailConfig()
                .setHostname(host)
                .setPort(port)
                .setStarttls(StartTLSOptions.valueOf(startTls))
                .setSsl(tls);
        if (username != null) {
            config.setLogin(LoginOption.REQUIRED).setUsername(username).setPassword(password);
        } else {
            config.setLogin(LoginOption.DISABLED);
        }
        return config;
    }

    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("organization_id", organizationId);
        json.put("host", host);
        json.put("port", port);
        json.put("username", username);
        json.put("has_password", password != null);
        json.put("start_tls", startTls.toLowerCase(Locale.ROOT));
        json.put("tls", tls);
        json.put("updated_by", updatedBy);
        json.put("date_updated", CloseDateTimes.format(dateUpdated));
        return json;
    }

    @Override
    protected JsonNode document() {
        return toJson();
    }
}
