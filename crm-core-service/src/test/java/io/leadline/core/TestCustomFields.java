package io.leadline.core;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Custom fields defined through the API for a test, addressed in the test's text by readable placeholders
 * ({@code cf_industry}) that {@link #in} replaces with the real, generated ids.
 */
public final class TestCustomFields {

    private final Map<String, String> ids = new LinkedHashMap<>();
    private final TestOrganizations org;

    private TestCustomFields(TestOrganizations org) {
        this.org = org;
    }

    public static TestCustomFields of(TestOrganizations org) {
        return new TestCustomFields(org);
    }

    /** Defines a field of the owner ({@code lead}, {@code contact}, ...) from a field body; answers this. */
    public TestCustomFields define(String owner, String placeholder, String fieldBody) {
        String id = org.request().body(fieldBody).post("/api/v1/custom_field/" + owner + "/")
                .then().statusCode(200).extract().path("id");
        ids.put(placeholder, id);
        return this;
    }

    /** A single-valued field of the type, named after the placeholder. */
    public TestCustomFields define(String owner, String placeholder, String type, boolean multiple) {
        return define(owner, placeholder, "{\"name\": \"%s\", \"type\": \"%s\", \"accepts_multiple_values\": %s}"
                .formatted(placeholder, type, multiple));
    }

    public TestCustomFields text(String owner, String placeholder) {
        return define(owner, placeholder, "text", false);
    }

    public String id(String placeholder) {
        return ids.get(placeholder);
    }

    /** The text with every placeholder replaced by its field id. */
    public String in(String text) {
        String result = text;
        for (String placeholder : ids.keySet().stream().sorted(Comparator.comparing(String::length).reversed()).toList()) {
            // Not inside a longer id; a suffix such as __in or .add may follow.
            result = Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(placeholder) + "(?![A-Za-z0-9])").matcher(result)
                    .replaceAll(Matcher.quoteReplacement(ids.get(placeholder)));
        }
        return result;
    }
}
