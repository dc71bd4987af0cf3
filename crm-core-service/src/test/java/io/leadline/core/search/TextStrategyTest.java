package io.leadline.core.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadline.core.TestOrganizations;
import io.leadline.core.lead.LeadReads;
import io.leadline.core.search.SearchSql.TextStrategy;
import io.leadline.platform.read.JsonReads;
import io.leadline.platform.read.ListQuery;
import io.leadline.platform.testing.ServiceTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedHashMap;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The two ways of matching text ({@link TextStrategy}) find the same leads, in the same order, against real
 * PostgreSQL: whichever {@link SearchPlanner} picks, the answer is the same, and never another organization's lead.
 */
@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class TextStrategyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    JsonReads reads;

    @Inject
    LeadReads leadReads;

    @Test
    void setAndProbeFindTheSameLeads() throws Exception {
        TestOrganizations other = TestOrganizations.provisioned();
        String secret = lead(other, """
                {"name": "Umbrella Secret", "url": "https://umbrella.example",
                 "contacts": [{"name": "Umberto", "title": "CEO", "emails": [{"email": "umb@secret.example"}],
                               "phones": [{"phone": "+14155550101"}]}]}""");
        TestOrganizations org = TestOrganizations.provisioned();
        List<String> own = List.of(
                lead(org, "{\"name\": \"Umbrella Corp\"}"),
                lead(org, "{\"name\": \"Plain\", \"url\": \"https://umbra.example\"}"),
                lead(org, "{\"name\": \"Contact named\", \"contacts\": [{\"name\": \"Umberto Eco\"}]}"),
                lead(org, "{\"name\": \"Titled\", \"contacts\": [{\"name\": \"X\", \"title\": \"Head of umbrellas\"}]}"),
                lead(org, "{\"name\": \"Mailed\", \"contacts\": [{\"name\": \"Y\", \"emails\": [{\"email\": \"a@umb.example\"}]}]}"),
                lead(org, "{\"name\": \"Phoned\", \"contacts\": [{\"name\": \"Z\", \"phones\": [{\"phone\": \"+14155550101\"}]}]}"),
                lead(org, "{\"name\": \"Nothing\", \"contacts\": [{\"name\": \"Nobody\"}]}"));

        for (String query : List.of("umb", "umbrella", "\"umbrella corp\"", "umb named", "55550101", "zzz",
                "umb OR plain", "-umb", "email:umb.example", "phone:4155550101", "url:umbra", "umb sort:name",
                "umb date_created > 2000-01-01 sort:-date_created")) {
            List<String> set = ids(org, query, TextStrategy.SET);
            List<String> probe = ids(org, query, TextStrategy.PROBE);
            assertEquals(set, probe, query);
            assertFalse(set.contains(secret), query);
        }
        assertEquals(List.of(own.get(5), own.get(4), own.get(3), own.get(2), own.get(1), own.get(0)),
                ids(org, "umb OR 55550101", TextStrategy.PROBE));
    }

    private List<String> ids(TestOrganizations org, String text, TextStrategy strategy) throws Exception {
        LeadQuery query = LeadQueryParser.parse(text);
        MultivaluedHashMap<String, String> params = new MultivaluedHashMap<>();
        params.putSingle("_fields", "id");
        SearchSql.orderBy(query).ifPresent(order -> params.putSingle("_order_by", order));
        ListQuery list = ListQuery.parse(params, leadReads.table());
        List<String> ids = new ArrayList<>();
        for (String object : reads.page(leadReads.table(), org.organizationId(), list,
                SearchSql.condition(query, "l", ZoneOffset.UTC, org.organizationId(), strategy)).await().indefinitely()
                .objects()) {
            ids.add(JSON.readTree(object).get("id").asText());
        }
        return ids;
    }

    private static String lead(TestOrganizations org, String body) {
        return org.request().body(body).post("/api/v1/lead/").then().statusCode(200).extract().path("id");
    }
}
