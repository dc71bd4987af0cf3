package io.leadline.platform.richtext;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeVisitor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Close's rich text (NOTES §10.5): the restricted XHTML of {@code note_html}, {@code user_note_html} and comment
 * bodies, always answered wrapped in {@code <body>…</body>}. What a client sends is cleaned by jsoup's sanitiser
 * against this subset (anything else — scripts, event handlers, {@code javascript:} links, unknown tags — is
 * dropped, the text inside kept), never by patterns over the markup.
 *
 * <p>Both directions of the {@code note}/{@code note_html} pair live here, so every service renders them alike.
 */
public final class RichText {

    /** The subset, with mentions ({@code <span data-type="mention" data-id="user_…" data-label="…" class="mention">}). */
    private static final Safelist SUBSET = new Safelist()
            .addTags("h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "b", "strong", "i", "em", "u", "s", "code",
                    "span", "a", "img", "hr", "ul", "ol", "li")
            .addAttributes("span", "style", "data-type", "data-id", "data-label", "class")
            .addAttributes("a", "href")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addAttributes("img", "src", "alt")
            .addProtocols("img", "src", "http", "https");
    private static final Set<String> BLOCKS = Set.of("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "hr", "ul", "ol");
    private static final String MENTION_SELECTOR = "span[data-type=mention][data-id]";

    private RichText() {
    }

    /** The html cleaned to the subset, as Close answers it: XHTML in {@code <body>…</body>}. */
    public static String sanitize(String html) {
        Document clean = new Cleaner(SUBSET).clean(Jsoup.parseBodyFragment(html == null ? "" : html));
        clean.outputSettings()
                .prettyPrint(false)
                .syntax(Document.OutputSettings.Syntax.xml)
                .escapeMode(Entities.EscapeMode.xhtml);
        return "<body>" + clean.body().html() + "</body>";
    }

    /** Plain text as Close derives {@code note} from {@code note_html}: a line per block and per {@code <br>}. */
    public static String toPlainText(String html) {
        Element body = Jsoup.parseBodyFragment(html == null ? "" : html).body();
        StringBuilder text = new StringBuilder();
        body.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    text.append(textNode.getWholeText());
                } else if (node instanceof Element element && element.normalName().equals("br")) {
                    text.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())
                        && !text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
                    text.append('\n');
                }
            }
        });
        return text.toString().strip();
    }

    /** The html Close derives from a plain {@code note}: escaped, each line break a {@code <br />}. */
    public static String fromPlainText(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String escaped = Entities.escape(text).replace("\r\n", "\n");
        return "<body>" + escaped.replace("\n", "<br />") + "</body>";
    }

    /** The ids mentioned ({@code user_…}, {@code group_…}), each once, in order of appearance. */
    public static List<String> mentionedIds(String html) {
        Set<String> ids = new LinkedHashSet<>();
        for (Element mention : Jsoup.parseBodyFragment(html == null ? "" : html).select(MENTION_SELECTOR)) {
            ids.add(mention.attr("data-id"));
        }
        return new ArrayList<>(ids);
    }
}
