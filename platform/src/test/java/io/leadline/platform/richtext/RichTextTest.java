package io.leadline.platform.richtext;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RichTextTest {

    @Test
    void keepsTheSubsetAndWrapsItInBody() {
        String html = "<p>Call <b>Bruce</b> <i>today</i>, <u>really</u> <s>not</s> <code>x</code></p>"
                + "<h2>Next</h2><ul><li>one</li></ul><hr><a href=\"https://wayne.example\">site</a>"
                + "<img src=\"https://wayne.example/a.png\" alt=\"logo\">";
        assertEquals("<body><p>Call <b>Bruce</b> <i>today</i>, <u>really</u> <s>not</s> <code>x</code></p>"
                + "<h2>Next</h2><ul><li>one</li></ul><hr /><a href=\"https://wayne.example\">site</a>"
                + "<img src=\"https://wayne.example/a.png\" alt=\"logo\" /></body>", RichText.sanitize(html));
    }

    @Test
    void removesScriptsHandlersAndJavascriptUrlsButKeepsTheText() {
        String clean = RichText.sanitize("<body><p onclick=\"steal()\">hi<script>alert(1)</script></p>"
                + "<a href=\"javascript:alert(1)\">click</a><img src=x onerror=alert(1)>"
                + "<iframe src=\"https://evil.example\"></iframe><div>kept text</div></body>");
        assertFalse(clean.contains("script"), clean);
        assertFalse(clean.contains("onclick"), clean);
        assertFalse(clean.contains("onerror"), clean);
        assertFalse(clean.contains("javascript"), clean);
        assertFalse(clean.contains("iframe"), clean);
        assertTrue(clean.contains("<p>hi</p>"), clean);
        assertTrue(clean.contains("<a>click</a>"), clean);
        assertTrue(clean.contains("kept text"), clean);
    }

    @Test
    void keepsMentionsAndFindsTheirIds() {
        String html = "<p>Hey <span data-type=\"mention\" data-id=\"user_1\" data-label=\"Ada\" class=\"mention\">@Ada</span>"
                + " and <span data-type=\"mention\" data-id=\"group_2\" data-label=\"Sales\" class=\"mention\">@Sales</span>"
                + " and <span data-type=\"mention\" data-id=\"user_1\" class=\"mention\">@Ada</span></p>";
        String clean = RichText.sanitize(html);
        assertTrue(clean.contains("data-id=\"user_1\""), clean);
        assertEquals(List.of("user_1", "group_2"), RichText.mentionedIds(clean));
    }

    @Test
    void plainTextHasALinePerBlockAndBreak() {
        assertEquals("Title\nfirst line\nsecond line\none\ntwo",
                RichText.toPlainText("<body><h1>Title</h1><p>first line<br />second line</p><ul><li>one</li><li>two</li></ul></body>"));
        assertEquals("a < b & c", RichText.toPlainText("<body><p>a &lt; b &amp; c</p></body>"));
    }

    @Test
    void htmlFromPlainTextIsEscapedWithBreaks() {
        assertEquals("<body>a &lt; b<br />&lt;script&gt; &amp; c</body>", RichText.fromPlainText("a < b\n<script> & c"));
        assertEquals("", RichText.fromPlainText(""));
        assertEquals("a < b\n<script> & c", RichText.toPlainText(RichText.fromPlainText("a < b\n<script> & c")));
    }
}
