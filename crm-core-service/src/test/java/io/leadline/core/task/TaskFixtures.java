package io.leadline.core.task;

import io.leadline.core.TestOrganizations;
import io.restassured.path.json.JsonPath;

/** Leads and tasks created through the API, as a user would. */
final class TaskFixtures {

    private TaskFixtures() {
    }

    static JsonPath lead(TestOrganizations org, String name) {
        return org.request().body("{\"name\": \"" + name + "\", \"contacts\": [{\"name\": \"Wile\"}]}")
                .post("/api/v1/lead/").then().statusCode(200).extract().jsonPath();
    }

    static String leadId(TestOrganizations org) {
        return lead(org, "Acme").getString("id");
    }

    static String task(TestOrganizations org, String leadId, String extraJson) {
        String body = "{\"lead_id\": \"" + leadId + "\"" + (extraJson.isBlank() ? "" : ", " + extraJson) + "}";
        return org.request().body(body).post("/api/v1/task/").then().statusCode(200).extract().path("id");
    }
}
