package org.imagingcatalog.curation.imports;

import java.util.ArrayList;
import java.util.List;

import org.imagingcatalog.curation.catalog.ResourceJson;
import org.imagingcatalog.model.validation.FieldError;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A JSON array of the contract's resources as import rows: each object's fields are laid over the entry it names as
 * a PUT's body is (fields left out keep their value). {@code version} is compared with the entry's current version;
 * {@code status} is the read side's (withdraw and restore change it) and ignored.
 */
final class JsonRows {

    private JsonRows() {
    }

    static List<ImportRow> read(String text) {
        JsonNode array;
        try {
            array = ResourceJson.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(text);
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            throw ImportText.fileProblem("The file is not JSON" + at + ": " + e.getOriginalMessage()
                    + ". Nothing was imported.");
        }
        if (array == null || !array.isArray()) {
            throw ImportText.fileProblem("The file must be a JSON array of resources ([{\"id\": ...}, ...]). "
                    + "Nothing was imported.");
        }
        if (array.isEmpty()) {
            throw ImportText.fileProblem("The JSON array is empty: nothing to import.");
        }
        List<ImportRow> rows = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            rows.add(row(i + 1, array.get(i)));
        }
        return rows;
    }

    private static ImportRow row(int row, JsonNode element) {
        List<FieldError> errors = new ArrayList<>();
        if (!element.isObject()) {
            errors.add(new FieldError("", "must be a JSON object with the resource's fields"));
            return new ImportRow(row, null, ResourceJson.mapper().createObjectNode(), null, errors);
        }
        ObjectNode edits = ((ObjectNode) element).deepCopy();
        JsonNode version = edits.remove("version");
        edits.remove("status");
        Integer exportedVersion = null;
        if (version != null && !version.isNull()) {
            if (version.canConvertToInt() && version.isIntegralNumber()) {
                exportedVersion = version.intValue();
            } else {
                errors.add(new FieldError("version", "must be the version the resource was read at (a whole number), "
                        + "or left out"));
            }
        }
        JsonNode id = edits.get("id");
        if (id != null && !id.isNull() && !id.isTextual()) {
            errors.add(new FieldError("id", "must be text"));
        }
        String text = id != null && id.isTextual() && !id.asText().isBlank() ? id.asText().strip() : null;
        return new ImportRow(row, text, edits, exportedVersion, errors);
    }
}
