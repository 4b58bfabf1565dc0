package org.imagingcatalog.submission.api;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.SubmissionKind;
import org.imagingcatalog.model.validation.FieldError;
import org.imagingcatalog.model.validation.ResourceReader;
import org.imagingcatalog.model.validation.Validated;
import org.imagingcatalog.submission.proposals.SubmissionRequest;
import org.imagingcatalog.submission.proposals.SubmissionRules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.StreamReadFeature;

/** Reads the API's JSON body strictly: unknown or mistyped fields are named, never ignored. */
final class SubmissionJsonReader {

    static final Set<String> FIELDS = Set.of("kind", "resourceId", "proposed", "comment", "submitter");
    static final Set<String> SUBMITTER_FIELDS = Set.of("name", "email");
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // one JSON value and nothing after it
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** The body is not JSON at all, or not an object. */
    static final class MalformedJson extends Exception {
        MalformedJson(String message) {
            super(message);
        }
    }

    private SubmissionJsonReader() {
    }

    static SubmissionRequest read(String body, String subject) throws MalformedJson {
        return read(body, subject, null, null);
    }

    /**
     * Reads a body; for a revision, {@code fixedKind} and {@code fixedResourceId} stand in for a {@code kind} or
     * {@code resourceId} the body leaves out (one it names differently is the action layer's 400).
     */
    static SubmissionRequest read(String body, String subject, SubmissionKind fixedKind, String fixedResourceId)
            throws MalformedJson {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedJson("The body is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr()
                            + ", column " + e.getLocation().getColumnNr() + ")"));
        }
        if (root == null || !root.isObject()) {
            throw new MalformedJson("The body must be a JSON object with kind, proposed, comment, submitter"
                    + " (and resourceId for a correction or withdrawal).");
        }
        List<FieldError> errors = new ArrayList<>();
        unknownFields(root, FIELDS, "", errors);

        SubmissionKind kind = fixedKind != null && (root.get("kind") == null || root.get("kind").isNull()) ? fixedKind
                : readKind(root.get("kind"), errors);
        String resourceId = fixedResourceId != null && (root.get("resourceId") == null || root.get("resourceId").isNull())
                ? fixedResourceId : text(root, "resourceId", "resourceId", errors);
        String comment = text(root, "comment", "comment", errors);

        Resource proposed = null;
        JsonNode patch = null;
        JsonNode proposedNode = root.get("proposed");
        if (proposedNode != null && !proposedNode.isNull()) {
            if (!proposedNode.isObject()) {
                errors.add(new FieldError("proposed", kind == SubmissionKind.CORRECTION
                        ? "proposed must be an object naming the fields to change (a JSON Merge Patch)."
                        : "proposed must be an object with the resource's fields."));
            } else if (kind == SubmissionKind.CORRECTION) {
                // a JSON Merge Patch of the published version: read against it by the rules, never with defaults
                patch = proposedNode.deepCopy();
            } else {
                Validated<Resource> read = ResourceReader.fromJson(proposedNode);
                read.errors().forEach(e -> errors.add(SubmissionRules.proposedError(e)));
                proposed = read.value();
            }
        }

        String name = null;
        String email = null;
        JsonNode submitter = root.get("submitter");
        if (submitter != null && !submitter.isNull()) {
            if (!submitter.isObject()) {
                errors.add(new FieldError("submitter", "submitter must be an object with name and email."));
            } else {
                unknownFields(submitter, SUBMITTER_FIELDS, "submitter.", errors);
                name = text(submitter, "name", "submitter.name", errors);
                email = text(submitter, "email", "submitter.email", errors);
            }
        }
        return new SubmissionRequest(kind, resourceId, proposed, patch, errors, comment, name, email, subject);
    }

    private static SubmissionKind readKind(JsonNode node, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            errors.add(new FieldError("kind", "kind is required: NEW, CORRECTION or WITHDRAWAL."));
            return null;
        }
        if (node.isTextual()) {
            for (SubmissionKind kind : SubmissionKind.values()) {
                if (kind.name().equals(node.asText())) {
                    return kind;
                }
            }
        }
        errors.add(new FieldError("kind", "kind must be NEW, CORRECTION or WITHDRAWAL."));
        return null;
    }

    private static String text(JsonNode parent, String name, String field, List<FieldError> errors) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new FieldError(field, field + " must be a string."));
            return null;
        }
        return node.asText();
    }

    private static void unknownFields(JsonNode object, Set<String> allowed, String prefix, List<FieldError> errors) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
            String name = it.next().getKey();
            if (!allowed.contains(name)) {
                errors.add(new FieldError(prefix + name, "Unknown field \"" + prefix + name + "\"; allowed here: "
                        + String.join(", ", allowed.stream().sorted().toList()) + "."));
            }
        }
    }
}
