package org.imagingcatalog.curation.linkhealth;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The meaningful text of a landing page, one line per block (paragraph, heading, list item, table row), and its
 * fingerprint. Left out: scripts, styles, navigation, header, footer, asides, forms, and what changes on every load
 * (times of day, "1,234 views", "generated in 0.12 s"), so only a change of what the page says changes the
 * fingerprint: a new version, another licence, another size.
 */
public record PageText(String text, String fingerprint) {

    /** The longest text kept with a check (the line diff curators see); the fingerprint covers the whole text. */
    public static final int EXCERPT_MAX = 20_000;

    private static final String BOILERPLATE = "script, style, noscript, template, svg, canvas, iframe, nav, header, "
            + "footer, aside, form, [role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true], [hidden]";
    private static final Pattern TIME_OF_DAY = Pattern.compile("\\b\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(\\s?[AaPp]\\.?[Mm]\\.?)?"
            + "(\\s?(Z|UTC|GMT|[+-]\\d{2}:?\\d{2}))?");
    private static final Pattern COUNTER = Pattern.compile("\\b\\d[\\d,.\\u00a0 ]*\\s*(views|visits|visitors|page views|"
            + "downloads|hits)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ELAPSED = Pattern.compile("\\b(generated|rendered|served|took)\\b[^.]*?\\d+(\\.\\d+)?\\s*"
            + "(ms|milliseconds?|s|seconds?)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SPACE = Pattern.compile("[\\s\\u00a0]+");

    /** The text of an HTML page ({@code charset} from Content-Type, or null to let the page's own meta tag say). */
    public static PageText ofHtml(byte[] body, String charset, String address) {
        Document page;
        try {
            page = Jsoup.parse(new ByteArrayInputStream(body), charset, address);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.select(BOILERPLATE).remove();
        Element root = page.selectFirst("main, [role=main]");
        if (root == null) {
            root = page.body();
        }
        StringBuilder raw = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    raw.append(text.getWholeText());
                } else if (node instanceof Element element && (element.isBlock() || element.nameIs("br"))) {
                    raw.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && element.isBlock()) {
                    raw.append('\n');
                }
            }
        }, root);
        String title = page.title().isBlank() ? "" : page.title() + "\n";
        return of(title + raw);
    }

    /** The text of a plain-text answer. */
    public static PageText ofPlain(byte[] body, String charset) {
        return of(new String(body, charset == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(charset)));
    }

    static PageText of(String raw) {
        List<String> lines = new ArrayList<>();
        for (String line : raw.split("\n")) {
            String steady = ELAPSED.matcher(line).replaceAll("$1 …");
            steady = COUNTER.matcher(steady).replaceAll("… $1");
            steady = TIME_OF_DAY.matcher(steady).replaceAll("…");
            steady = SPACE.matcher(steady).replaceAll(" ").strip();
            if (!steady.isEmpty()) {
                lines.add(steady);
            }
        }
        String text = String.join("\n", lines);
        return new PageText(text.length() <= EXCERPT_MAX ? text : text.substring(0, EXCERPT_MAX), sha256(text));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
