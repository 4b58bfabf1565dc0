package org.imagingcatalog.curation.curating;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** The resource fields a curator sends with an action: none, JSON edits laid over a base, or a whole HTML form. */
public sealed interface CuratorInput {

    record None() implements CuratorInput {
    }

    /** Fields to change (API): laid over the proposal or the current version; objects merge field by field. */
    record JsonEdits(JsonNode edits) implements CuratorInput {
    }

    /**
     * Every field of the resource form (UI). {@code shownVersion}: the version the page showed the form against
     * (a correction's review page), so only what the curator changed there is laid over the version current at
     * the decision; null where the form replaces every field.
     */
    record Form(Map<String, List<String>> fields, Integer shownVersion) implements CuratorInput {

        public Form(Map<String, List<String>> fields) {
            this(fields, null);
        }
    }

    static CuratorInput none() {
        return new None();
    }
}
