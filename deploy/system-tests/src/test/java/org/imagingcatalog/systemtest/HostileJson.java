package org.imagingcatalog.systemtest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON bodies for the APIs: plausible documents filled with hostile text, values of the wrong type,
 * and bodies that are not JSON at all (broken, too deep, too big, not UTF-8).
 */
final class HostileJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** URLs the contract refuses: not absolute http(s), or not a URI at all. */
    static final List<String> BAD_URLS = List.of("javascript:window.__pwned=1", "file:///etc/passwd", "ftp://example.org/x",
            "//example.org/x", "http://", "https:///nohost", "example.org", "https://exa mple.org/",
            "https://example.org/<script>", "data:text/html,<script>window.__pwned=1</script>", "' OR '1'='1",
            "../../etc/passwd", "https://example.org/" + "a".repeat(2001));

    /** E-mail addresses the contract refuses. */
    static final List<String> BAD_EMAILS = List.of("not-an-email", "a@b", "@example.org", "a b@example.org",
            "a@@example.org", "user@", "user@example.org.", "<script>@x", "x".repeat(250) + "@example.org");

    /** Ids that are not slugs. */
    static final List<String> BAD_IDS = List.of("ab", "Upper-Case", "-leading", "trailing-", "double--hyphen",
            "../../etc/passwd", "<script>", "a b", "x".repeat(81), "ünïcode", "id;drop");

    private final HostileValues values;

    HostileJson(HostileValues values) {
        this.values = values;
    }

    /** A value of any JSON type, hostile where it is text. */
    JsonNode anyValue() {
        return switch (values.nextInt(9)) {
            case 0 -> NODES.numberNode(values.one(List.of(-1L, 0L, Long.MAX_VALUE, Long.MIN_VALUE)));
            case 1 -> NODES.numberNode(values.one(List.of(1.5, -0.0, 1e308)));
            case 2 -> NODES.booleanNode(values.chance(50));
            case 3 -> NODES.arrayNode().add(values.any()).add(7);
            case 4 -> NODES.objectNode().put(values.any(), values.any());
            case 5 -> NODES.nullNode();
            case 6 -> nested(values.nextInt(40) + 2);
            default -> NODES.textNode(values.any());
        };
    }

    /** A flag value Availability.parse refuses (not blank, not Y, N or U in any case). */
    JsonNode badFlag() {
        if (values.chance(30)) {
            return values.one(List.of(NODES.numberNode(1), NODES.booleanNode(true), NODES.arrayNode().add("Y"),
                    NODES.objectNode().put("Y", "N")));
        }
        String s = values.any();
        return NODES.textNode(isFlag(s) ? "YES" : s);
    }

    static boolean isFlag(String s) {
        String t = s.trim().toUpperCase(Locale.ROOT);
        return s.isBlank() || t.equals("Y") || t.equals("N") || t.equals("U");
    }

    /** A resource as a contributor might send it, its free-text fields full of hostile text. */
    ObjectNode resource() {
        ObjectNode r = NODES.objectNode();
        if (values.chance(50)) {
            r.put("id", values.chance(50) ? "hostile-" + values.nextInt(1_000_000) : values.any());
        }
        r.put("name", values.chance(70) ? "Hostile " + values.any() : values.any());
        r.put("url", values.chance(70) ? "https://example.org/hostile/" + values.nextInt(1000) : values.any());
        if (values.chance(60)) {
            r.put("description", values.any());
        }
        if (values.chance(50)) {
            r.put("provider", values.any());
        }
        ObjectNode modalities = r.putObject("modalities");
        for (String m : List.of("ct", "xray", "mri", "ultrasound")) {
            if (values.chance(70)) {
                modalities.put(m, values.one(List.of("Y", "N", "U")));
            }
        }
        r.put("metadata", values.one(List.of("Y", "N", "U")));
        if (values.chance(40)) {
            r.put("license", values.any());
        }
        r.put("access", values.one(List.of("OPEN", "REGISTRATION", "APPLICATION", "UNKNOWN")));
        ArrayNode tags = r.putArray("tags");
        for (int i = values.nextInt(4); i > 0; i--) {
            tags.add(values.any());
        }
        ObjectNode counts = r.putObject("counts");
        counts.put("patients", values.nextInt(1000));
        return r;
    }

    /** {@code depth} arrays inside each other. */
    static JsonNode nested(int depth) {
        JsonNode node = NODES.textNode("bottom");
        for (int i = 0; i < depth; i++) {
            node = i % 2 == 0 ? NODES.arrayNode().add(node) : NODES.objectNode().set("d", node);
        }
        return node;
    }

    /** Text too deep for any JSON parser's limit (Jackson refuses beyond 1000 levels). */
    static String tooDeep(int depth, String prefix) {
        return prefix + "[".repeat(depth) + "]".repeat(depth) + "}";
    }

    /** Broken JSON of the usual kinds. */
    String malformed(String valid) {
        return switch (values.nextInt(10)) {
            case 0 -> valid.substring(0, Math.max(1, valid.length() / 2));
            case 1 -> valid + "}}";
            case 2 -> valid.replace('"', '\'');
            case 3 -> "{\"kind\": NaN, \"comment\": Infinity}";
            case 4 -> "// comment\n" + valid;
            case 5 -> "{\"kind\":\"NEW\",\"kind\":\"NEW\"}";
            case 6 -> "\uFEFF" + valid;
            case 7 -> "{\"kind\":\"NEW\",}";
            case 8 -> "{kind: 'NEW'}";
            default -> "\"just a string\"";
        };
    }

    /** The JSON text with bytes that are not UTF-8 put inside its first string value. */
    byte[] withInvalidUtf8(String json) {
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
        int quote = json.indexOf(":\"");
        if (quote < 0) {
            return utf8;
        }
        int at = json.substring(0, quote + 2).getBytes(StandardCharsets.UTF_8).length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(utf8, 0, at);
        out.writeBytes(values.invalidUtf8());
        out.write(utf8, at, utf8.length - at);
        return out.toByteArray();
    }
}
