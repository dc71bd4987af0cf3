package io.leadline.core.contact;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadline.core.JsonColumnLists;
import io.leadline.core.audit.Audited;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A person at a lead. Emails, phones and urls are small ordered lists that are always read with the contact. */
@Entity
@Table(name = "contact")
public class Contact extends Audited {

    @Id
    public String id;

    @Column(name = "organization_id", nullable = false)
    public String organizationId;

    @Column(name = "lead_id", nullable = false)
    public String leadId;

    public String name;

    public String title;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "emails", nullable = false, columnDefinition = "jsonb")
    Map<String, Object> emailsColumn = JsonColumnLists.wrap(List.of());

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "phones", nullable = false, columnDefinition = "jsonb")
    Map<String, Object> phonesColumn = JsonColumnLists.wrap(List.of());

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "urls", nullable = false, columnDefinition = "jsonb")
    Map<String, Object> urlsColumn = JsonColumnLists.wrap(List.of());

    /** Custom field values by field id. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Map<String, Object> custom = new LinkedHashMap<>();

    public List<Map<String, Object>> emails() {
        return JsonColumnLists.unwrap(emailsColumn);
    }

    public void setEmails(List<Map<String, Object>> emails) {
        emailsColumn = JsonColumnLists.wrap(emails);
    }

    public List<Map<String, Object>> phones() {
        return JsonColumnLists.unwrap(phonesColumn);
    }

    public void setPhones(List<Map<String, Object>> phones) {
        phonesColumn = JsonColumnLists.wrap(phones);
    }

    public List<Map<String, Object>> urls() {
        return JsonColumnLists.unwrap(urlsColumn);
    }

    public void setUrls(List<Map<String, Object>> urls) {
        urlsColumn = JsonColumnLists.wrap(urls);
    }

    @Override
    protected JsonNode document() {
        return ContactJson.toJson(this);
    }
}
