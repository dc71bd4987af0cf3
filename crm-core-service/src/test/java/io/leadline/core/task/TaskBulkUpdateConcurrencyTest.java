package io.leadline.core.task;

import io.leadline.core.TestOrganizations;
import io.leadline.platform.testing.ServiceTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Many bulk updates at once, more than the connection pool holds (20): each must answer. A bulk update that read
 * its matching ids on a second pooled connection while its transaction held the first could wait for a connection
 * that only another waiting bulk update could free, so a burst of them hung the pool.
 */
@QuarkusTest
@TestProfile(ServiceTestProfile.class)
class TaskBulkUpdateConcurrencyTest {

    private static final int CONCURRENT = 48;

    @Test
    void aBurstOfBulkUpdatesLargerThanThePoolAllAnswer() throws Exception {
        TestOrganizations org = TestOrganizations.provisioned();
        List<String> leads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String lead = TaskFixtures.leadId(org);
            TaskFixtures.task(org, lead, "\"text\": \"bulk " + i + "\"");
            leads.add(lead);
        }

        ExecutorService clients = Executors.newFixedThreadPool(CONCURRENT);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < CONCURRENT; i++) {
                String lead = leads.get(i % leads.size());
                answers.add(clients.submit(() -> org.request().queryParam("lead_id", lead)
                        .body("{\"is_complete\": true}").put("/api/v1/task/").statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(200, answer.get(60, TimeUnit.SECONDS));
            }
        } finally {
            clients.shutdownNow();
        }
        org.request().get("/api/v1/task/?is_complete=true").then().statusCode(200)
                .body("data.size()", equalTo(leads.size()))
                .body("data.is_complete", everyItem(equalTo(true)));
    }
}
