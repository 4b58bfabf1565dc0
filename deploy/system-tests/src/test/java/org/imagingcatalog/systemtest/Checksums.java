package org.imagingcatalog.systemtest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * SHA-256 of data as users see it, independent of how it was serialised: object keys are sorted,
 * so two read models holding the same data have the same checksum.
 */
final class Checksums {

    private Checksums() {
    }

    static String of(JsonNode data) {
        return sha256(canonical(data).toString());
    }

    /** Rows of a query (each a list of column values), in the order given. */
    static String ofRows(List<List<Object>> rows) {
        ArrayNode array = Http.JSON.createArrayNode();
        rows.forEach(row -> {
            ArrayNode columns = array.addArray();
            row.forEach(value -> columns.add(value == null ? null : value.toString()));
        });
        return of(array);
    }

    /** The first 16 hex digits, enough to tell two checksums apart in a report. */
    static String shortForm(String checksum) {
        return checksum.substring(0, 16);
    }

    private static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            ObjectNode sorted = Http.JSON.createObjectNode();
            names.forEach(name -> sorted.set(name, canonical(node.get(name))));
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode copy = Http.JSON.createArrayNode();
            node.forEach(element -> copy.add(canonical(element)));
            return copy;
        }
        return node;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
