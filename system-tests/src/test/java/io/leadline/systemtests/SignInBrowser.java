package io.leadline.systemtests;

/**
 * What a sign-in flow needs from a browser, so one flow runs in HtmlUnit ({@code ./mvnw verify}) and in real
 * Chromium (profile {@code browser}). Elements are found by id.
 */
interface SignInBrowser extends AutoCloseable {

    void open(String url);

    void type(String id, String value);

    /** Clicks and waits for the page it leads to. */
    void click(String id);

    String url();

    String title();

    String text();

    @Override
    void close();
}
