package org.imagingcatalog.submission.web;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.imagingcatalog.model.diff.ResourceDiff;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a proposal says, as rows a page can show: a correction's patch field by field (only the fields it names,
 * {@code (cleared)} for a null), a new resource's filled-in fields.
 */
public final class ProposalRows {

    /** One row: the field as people read it, and its proposed value as text. */
    public record Row(String field, String label, String value) {
    }

    private ProposalRows() {
    }

    /** @param patch whether {@code proposal} is a merge patch (nulls clear) or a whole resource (nulls are empty) */
    public static List<Row> of(JsonNode proposal, boolean patch) {
        List<Row> rows = new ArrayList<>();
        if (proposal != null && proposal.isObject()) {
            collect("", proposal, patch, rows);
        }
        return rows;
    }

    private static void collect(String prefix, JsonNode node, boolean patch, List<Row> rows) {
        for (Iterator<Map.Entry<String, JsonNode>> members = node.fields(); members.hasNext();) {
            Map.Entry<String, JsonNode> member = members.next();
            String field = prefix + member.getKey();
            JsonNode value = member.getValue();
            if (value.isObject()) {
                collect(field + ".", value, patch, rows);
            } else if (value.isArray() && !value.isEmpty() && (field.equals("relations") || field.equals("identifiers"))) {
                for (int i = 0; i < value.size(); i++) {
                    rows.add(new Row(field + "[" + i + "]", (field.equals("relations") ? "Link " : "Identifier ") + (i + 1),
                            field.equals("relations") ? relation(value.get(i)) : identifier(value.get(i))));
                }
            } else if (value.isTextual() && (field.equals("referenceStandard") || field.equals("population")
                    || field.equals("imageSource"))) {
                rows.add(new Row(field, label(field), TrustChoices.meaning(field, value.asText())));
            } else if (value.isNull() || (value.isArray() && value.isEmpty())) {
                if (patch) {
                    rows.add(new Row(field, label(field), "(cleared)"));
                }
            } else {
                rows.add(new Row(field, label(field), text(value)));
            }
        }
    }

    /** "takes images from covid-ct (COVID-19 positives)". */
    private static String relation(JsonNode relation) {
        String type = relation.path("type").asText("");
        String note = relation.path("note").asText("");
        return ("This dataset " + TrustChoices.relationWords(type) + " " + relation.path("target").asText("")
                + (note.isEmpty() ? "" : " (" + note + ")")).trim();
    }

    /** "doi 10.7937/91ah-v663". */
    private static String identifier(JsonNode identifier) {
        return (identifier.path("scheme").asText("") + " " + identifier.path("value").asText("")).trim();
    }

    private static String text(JsonNode value) {
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.asText()));
            return String.join(", ", items);
        }
        return value.asText();
    }

    static String label(String field) {
        String label = switch (field) {
            case "id" -> "Id";
            case "url" -> "Address (URL)";
            case "caseReview" -> "Case reviews or clinical reports";
            case "metadata" -> "Patient or case metadata";
            case "license" -> "Licence";
            case "formats" -> "File formats";
            case "counts.patients" -> "Patients";
            case "counts.images" -> "Images";
            case "counts.studies" -> "Studies";
            default -> ResourceDiff.label(field);
        };
        return Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }
}
