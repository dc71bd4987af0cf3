package io.leadline.core.contact;

import io.leadline.core.lead.LeadChild;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A lead's contacts in its wire form: {@code contacts} (their documents, oldest first), {@code contact_ids}, and
 * what the lead derives from its first contacts ({@code display_name} when the lead has no name,
 * {@code primary_email}, {@code primary_phone}), each read from the contacts' documents.
 */
@ApplicationScoped
public class LeadContacts implements LeadChild {

    @Override
    public Map<String, String> leadFields(String lead) {
        String ofLead = " from contact lc where lc.organization_id = " + lead + ".organization_id and lc.lead_id = "
                + lead + ".id";
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("contacts", "coalesce((select jsonb_agg(lc.doc order by lc.id)" + ofLead + "), '[]'::jsonb)");
        fields.put("contact_ids", "coalesce((select jsonb_agg(lc.id order by lc.id)" + ofLead + "), '[]'::jsonb)");
        // The lead's name, else the first contact's display name that isn't blank, else "".
        fields.put("display_name", "case when " + lead + ".name ~ '\\S' then " + lead + ".name else coalesce("
                + "(select lc.doc ->> 'display_name'" + ofLead + " and lc.doc ->> 'display_name' ~ '\\S'"
                + " order by lc.id limit 1), '') end");
        fields.put("primary_email", "(select lc.doc -> 'emails' -> 0" + ofLead
                + " and jsonb_array_length(lc.doc -> 'emails') > 0 order by lc.id limit 1)");
        fields.put("primary_phone", "(select lc.doc -> 'phones' -> 0" + ofLead
                + " and jsonb_array_length(lc.doc -> 'phones') > 0 order by lc.id limit 1)");
        return fields;
    }
}
