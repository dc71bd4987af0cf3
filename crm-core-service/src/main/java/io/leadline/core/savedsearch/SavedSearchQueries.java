package io.leadline.core.savedsearch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadline.core.search.LeadQueryParser;
import io.leadline.core.search.RelativePeriods;
import io.leadline.core.search.SavedQueries;
import io.leadline.core.search.SearchFilter;
import io.leadline.core.search.StructuredQueryParser;
import io.leadline.platform.read.ReadStatement;
import io.leadline.platform.read.SqlParameters;
import io.leadline.platform.read.JsonReads;
import io.leadline.platform.security.Caller;
import io.leadline.platform.wire.ValidationException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Iterator;

/**
 * A smart view's lead filter, read in one statement on the read path: the structured {@code s_query} when it has
 * one, else its text {@code query} (both were checked when saved; relative dates resolve now, on the caller's clock).
 */
@ApplicationScoped
class SavedSearchQueries implements SavedQueries {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    JsonReads reads;

    @Override
    public Uni<SearchFilter> leadFilter(Caller caller, String id, String parameter) {
        SqlParameters parameters = new SqlParameters();
        String sql = "select ss.query, ss.s_query::text from saved_search ss where ss.organization_id = "
                + parameters.bind(caller.organizationId()) + " and ss.id = " + parameters.bind(id)
                + " and ss.search_type = 'lead' and (ss.is_shared or ss.user_id = " + parameters.bind(caller.userId())
                + ")";
        return reads.execute(new ReadStatement(sql, parameters)).map(rows -> {
            Iterator<Row> found = rows.iterator();
            if (!found.hasNext()) {
                throw ValidationException.field(parameter, "No lead smart view with this id.");
            }
            Row row = found.next();
            String structured = row.getString(1);
            if (structured == null) {
                return LeadQueryParser.parse(row.getString(0)).filterOnly();
            }
            try {
                return StructuredQueryParser.parse(JSON.readTree(structured), parameter,
                        RelativePeriods.offsetOf(caller), caller.userId());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored s_query is no JSON", e);
            }
        });
    }
}
