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

    /** Every field of the resource form (UI). */
    record Form(Map<String, List<String>> fields) implements CuratorInput {
    }

    static CuratorInput none() {
        return new None();
    }
}
