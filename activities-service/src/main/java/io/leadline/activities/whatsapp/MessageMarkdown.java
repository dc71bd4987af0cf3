package io.leadline.activities.whatsapp;

import io.leadline.platform.richtext.RichText;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * A WhatsApp message's Markdown as the html Close shows: rendered by commonmark-java with raw html escaped, then
 * cleaned by {@link RichText} like every other rich text of the service, so no markup a sender typed is ever
 * active.
 */
final class MessageMarkdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).build();

    private MessageMarkdown() {
    }

    static String toHtml(String markdown) {
        if (markdown == null || markdown.isEmpty()) {
            return "";
        }
        return RichText.sanitize(RENDERER.render(PARSER.parse(markdown)).strip());
    }
}
