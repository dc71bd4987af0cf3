package io.leadline.systemtests;

import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;

import java.io.IOException;
import java.io.UncheckedIOException;

/** HtmlUnit without JavaScript: the sign-in, Keycloak's login and the consent pages are plain HTML forms. */
final class HtmlUnitBrowser implements SignInBrowser {

    private final WebClient client = new WebClient();
    private Page current;

    HtmlUnitBrowser() {
        client.getOptions().setJavaScriptEnabled(false);
        client.getOptions().setCssEnabled(false);
        // refusal pages are 403s and the app's callback is not served by anyone: the page is what counts
        client.getOptions().setThrowExceptionOnFailingStatusCode(false);
    }

    @Override
    public void open(String url) {
        try {
            current = client.getPage(url);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void type(String id, String value) {
        html().<HtmlInput>getHtmlElementById(id).setValue(value);
    }

    @Override
    public void click(String id) {
        try {
            current = html().<HtmlElement>getHtmlElementById(id).click();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String url() {
        return current.getUrl().toString();
    }

    @Override
    public String title() {
        return current instanceof HtmlPage page ? page.getTitleText() : "";
    }

    @Override
    public String text() {
        return current instanceof HtmlPage page ? page.asNormalizedText() : current.getWebResponse().getContentAsString();
    }

    @Override
    public void close() {
        client.close();
    }

    private HtmlPage html() {
        if (current instanceof HtmlPage page) {
            return page;
        }
        throw new IllegalStateException("not an HTML page: " + current.getUrl() + " "
                + current.getWebResponse().getStatusCode());
    }
}
