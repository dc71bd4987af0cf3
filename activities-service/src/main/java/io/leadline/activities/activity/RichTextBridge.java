package io.leadline.activities.activity;

/** Interim rich-text conversions until platform's RichText is merged; replaced by it. */
final class RichTextBridge {

    private RichTextBridge() {
    }

    static String plainToHtml(String plain) {
        if (plain.isEmpty()) {
            return "";
        }
        String escaped = plain.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("\n", "<br />");
        return "<body>" + escaped + "</body>";
    }

    static String sanitize(String html) {
        return html;
    }

    static String htmlToPlain(String html) {
        return html.replaceAll("<br\\s*/?>", "\n").replaceAll("<[^>]*>", "").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&amp;", "&");
    }
}
