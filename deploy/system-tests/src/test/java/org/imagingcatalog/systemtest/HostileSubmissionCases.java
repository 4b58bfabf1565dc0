package org.imagingcatalog.systemtest;

import static org.imagingcatalog.systemtest.HostileRequest.Expect.READ;
import static org.imagingcatalog.systemtest.HostileRequest.Expect.REFUSED;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.imagingcatalog.systemtest.HostileRequest.Case;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Hostile requests to submission-service: its forms (with and without the CSRF token of a form fetched
 * before, so most of them reach validation), its JSON API, and the revision round (the revisions API and the
 * tracking page's revision form), aimed at a submission the curators asked to change, at ones that are not
 * waiting for changes, and at tokens no submission has. Every POST carries at least one thing the contract
 * refuses, so none of them may be stored.
 */
final class HostileSubmissionCases {

    /** The form's CSRF token and the cookie it belongs to, as a browser that opened /new holds them. */
    record FormSession(String token, String cookie) {
    }

    /**
     * What the revision cases aim at: the tracking token of a NEW submission waiting for changes (its revisions
     * reach validation), and tokens of submissions that are not (received, accepted: 409 whatever the body).
     */
    record Revisions(String revisableToken, List<String> closedTokens) {
    }

    private static final List<String> RESOURCE_FIELDS = List.of("id", "name", "url", "description", "provider", "ct",
            "xray", "mri", "ultrasound", "metadata", "caseReview", "license", "access", "formats", "annotations", "tags",
            "patients", "images", "studies");

    private final HostileValues values;
    private final HostileJson json;
    private final int port;
    private final FormSession session;
    private final List<String> publishedIds;
    private final Revisions revisions;

    HostileSubmissionCases(HostileValues values, int port, FormSession session, List<String> publishedIds,
            Revisions revisions) {
        this.values = values;
        this.json = new HostileJson(values);
        this.port = port;
        this.session = session;
        this.publishedIds = publishedIds;
        this.revisions = revisions;
    }

    // ---------------------------------------------------------------- forms

    Case form() {
        int kind = values.nextInt(3);
        String route;
        HostileRequest request = HostileRequest.method("POST");
        HostileForm form = new HostileForm();
        String id = values.chance(85) ? values.one(publishedIds) : values.any();
        // hostile noise first, the refused value last, so the noise can never overwrite it
        if (values.chance(50)) {
            form.put("submitterName", values.any());
        }
        if (values.chance(30)) {
            form.put("submitterEmail", "hostile@example.org");
        }
        if (kind == 0) {
            route = "POST /new";
            request.path("/new");
            fillResource(form);
            poisonResourceForm(form);
        } else if (kind == 1) {
            route = "POST /correct/{id}";
            request.path("/correct/").segment(id);
            fillResource(form);
            form.put("comment", values.any());
            poisonResourceForm(form);
        } else {
            route = "POST /withdraw/{id}";
            request.path("/withdraw/").segment(id);
            poisonWithdrawalForm(form);
        }
        withCsrf(request, form);
        return request.form(form).expect(route, REFUSED, port);
    }

    /** Most forms carry the token and cookie of a fetched form; the rest forge, drop or mismatch them. */
    private void withCsrf(HostileRequest request, HostileForm form) {
        int pick = values.nextInt(100);
        if (pick < 75) {
            form.put("csrf-token", session.token());
            request.header("Cookie", "csrf-token=" + session.cookie());
        } else if (pick < 85) {
            request.header("Cookie", "csrf-token=" + session.cookie());
        } else if (pick < 92) {
            form.put("csrf-token", values.chance(50) ? session.token() + "x" : values.any());
            request.header("Cookie", "csrf-token=" + session.cookie());
        } else {
            form.put("csrf-token", session.token());
        }
    }

    private void fillResource(HostileForm form) {
        form.put("name", "Hostile " + values.any());
        form.put("url", "https://example.org/hostile/" + values.nextInt(1000));
        for (String field : RESOURCE_FIELDS) {
            if (values.chance(25)) {
                form.put(field, values.any());
            }
        }
        for (String flag : List.of("ct", "xray", "mri", "ultrasound", "metadata", "caseReview")) {
            if (!form.has(flag) && values.chance(50)) {
                form.put(flag, values.one(List.of("Y", "N", "U")));
            }
        }
    }

    /** Puts one value the contract refuses into a resource form (after any noise). */
    private void poisonResourceForm(HostileForm form) {
        if (values.chance(8)) {
            form.putInvalidUtf8(values.one(List.of("description", "provider", "license")), values.any(),
                    values.invalidUtf8());
        }
        if (values.chance(4)) {
            form.putRaw(values.one(List.of("description", "provider", "tags")),
                    values.one(List.of("%ZZ", "%", "%E", "%u0041", "a%2")).getBytes(StandardCharsets.US_ASCII));
        }
        if (values.chance(3)) {
            form.put("description", "d".repeat(70_000));
        }
        switch (values.nextInt(11)) {
            case 0 -> form.put("url", values.one(HostileJson.BAD_URLS));
            case 1 -> form.remove("name").remove("url");
            case 2 -> form.put("name", values.chance(50) ? "n".repeat(201) : "line\nbreak\u0000");
            case 3 -> form.put(values.one(List.of("ct", "xray", "mri", "ultrasound", "metadata", "caseReview")),
                    flagText(values.any()));
            case 4 -> form.put(values.one(List.of("patients", "images", "studies")),
                    values.one(List.of("-1", "abc", "1.5", "1e9", "99999999999999999999", "<script>", "' OR 1=1")));
            case 5 -> form.put("submitterEmail", values.one(HostileJson.BAD_EMAILS));
            case 6 -> form.put("website", values.chance(50) ? "https://spam.example" : values.any() + "x");
            case 7 -> form.put("id", values.one(HostileJson.BAD_IDS));
            case 8 -> form.put("access", values.chance(50) ? "FREE" : values.one(HostileValues.SQL));
            // the URL alone would pass (U+FFFD is a legal path character), the control character in comment does not
            case 9 -> form.putInvalidUtf8("url", "https://example.org/", values.invalidUtf8()).put("comment", "x\u0000");
            default -> form.put("comment", "c".repeat(5001));
        }
    }

    private void poisonWithdrawalForm(HostileForm form) {
        switch (values.nextInt(6)) {
            case 0 -> form.put("submitterEmail", values.one(HostileJson.BAD_EMAILS));
            case 1 -> form.put("comment", "c".repeat(5001 + values.nextInt(3000)));
            case 2 -> form.put("comment", values.any() + "\u0000" + values.any());
            case 3 -> form.put("website", "https://spam.example");
            case 4 -> form.put("submitterName", "n".repeat(201));
            default -> form.put("submitterName", values.any() + "\u0007").put("comment", values.any() + "\u001b");
        }
        if (!form.has("comment") && values.chance(50)) {
            // no reason at all is refused too
            return;
        }
        if (!form.has("comment")) {
            form.put("comment", values.any());
        }
    }

    private static String flagText(String s) {
        return HostileJson.isFlag(s) ? "maybe" : s;
    }

    /** GETs of the forms and tracking pages with hostile ids, tokens and query strings. */
    Case page() {
        return switch (values.nextInt(5)) {
            case 0 -> HostileRequest.get().path("/correct/").segment(values.any())
                    .expect("GET /correct/{id}", REFUSED, port);
            case 1 -> HostileRequest.get().path("/withdraw/").segment(values.any())
                    .expect("GET /withdraw/{id}", REFUSED, port);
            case 2 -> HostileRequest.get().path("/track/").segment(values.any())
                    .expect("GET /track/{token}", REFUSED, port);
            case 3 -> HostileRequest.get().path("/new").query(values.any(), values.any())
                    .expect("GET /new?…", READ, port);
            default -> HostileRequest.get().path("/correct/").segment(values.one(publishedIds)).query("id", values.any())
                    .expect("GET /correct/{id}?…", READ, port);
        };
    }

    // ---------------------------------------------------------------- API

    Case apiPost() {
        HostileRequest request = HostileRequest.method("POST").path("/api/v1/submissions");
        int shape = values.nextInt(100);
        if (shape < 70) {
            String body = poisonedSubmission().toString();
            if (values.chance(10)) {
                return request.body("application/json", json.withInvalidUtf8(body))
                        .expect("POST /api/v1/submissions (not UTF-8)", REFUSED, port);
            }
            return request.json(body).expect("POST /api/v1/submissions", REFUSED, port);
        }
        if (shape < 78) {
            return request.json(json.malformed(poisonedSubmission().toString()))
                    .expect("POST /api/v1/submissions (malformed JSON)", REFUSED, port);
        }
        if (shape < 83) {
            return request.json(values.one(List.of("[]", "null", "42", "\"NEW\"", "", " ", "true", "[{\"kind\":\"NEW\"}]")))
                    .expect("POST /api/v1/submissions (not an object)", REFUSED, port);
        }
        if (shape < 88) {
            return request.json(HostileJson.tooDeep(1001 + values.nextInt(20_000), "{\"kind\":\"NEW\",\"proposed\":"))
                    .expect("POST /api/v1/submissions (too deep)", REFUSED, port);
        }
        if (shape < 93) {
            ObjectNode huge = poisonedSubmission();
            huge.put("comment", "c".repeat(65_536 + values.nextInt(200_000)));
            return request.json(huge.toString()).expect("POST /api/v1/submissions (over 64 KiB)", REFUSED, port);
        }
        ObjectNode deepButLegal = poisonedSubmission();
        deepButLegal.set("nested", HostileJson.nested(900));
        return request.json(deepButLegal.toString()).expect("POST /api/v1/submissions (deep)", REFUSED, port);
    }

    /** A submission document with hostile text everywhere and at least one refused value. */
    ObjectNode poisonedSubmission() {
        ObjectNode s = Http.JSON.createObjectNode();
        String kind = values.one(List.of("NEW", "CORRECTION", "WITHDRAWAL"));
        s.put("kind", kind);
        if (!kind.equals("NEW")) {
            s.put("resourceId", values.one(publishedIds));
        }
        if (!kind.equals("WITHDRAWAL")) {
            s.set("proposed", json.resource());
        }
        s.put("comment", values.any());
        if (values.chance(60)) {
            s.putObject("submitter").put("name", values.any()).put("email", "hostile@example.org");
        }
        ObjectNode proposed = s.has("proposed") ? (ObjectNode) s.get("proposed") : null;
        switch (values.nextInt(14)) {
            case 0 -> s.set("kind", values.chance(50) ? json.anyValue() : Http.JSON.getNodeFactory().textNode(values.any()));
            case 1 -> s.set("x" + values.any(), json.anyValue());
            case 2 -> s.set("proposed", values.one(List.of(Http.JSON.getNodeFactory().textNode("{}"),
                    Http.JSON.getNodeFactory().numberNode(7), Http.JSON.getNodeFactory().arrayNode().add(json.resource()),
                    Http.JSON.getNodeFactory().booleanNode(false))));
            case 3 -> s.putObject("submitter").put("email", values.one(HostileJson.BAD_EMAILS));
            case 4 -> s.put("comment", "c".repeat(5001 + values.nextInt(5000)));
            // (a blank resourceId counts as none, so it must hold something)
            case 5 -> s.put("kind", "NEW").put("resourceId", "x" + values.any());
            case 6 -> s.put("kind", values.one(List.of("CORRECTION", "WITHDRAWAL"))).put("resourceId",
                    values.one(HostileJson.BAD_IDS));
            case 7 -> s.set("submitter", json.anyValue().isObject() ? Http.JSON.getNodeFactory().textNode("me")
                    : Http.JSON.getNodeFactory().arrayNode().add("me"));
            case 8 -> s.put("comment", values.any() + "\u0000");
            default -> {
                if (proposed == null) {
                    // a withdrawal with resource fields is refused
                    s.set("proposed", json.resource());
                } else {
                    poisonResource(proposed);
                }
            }
        }
        return s;
    }

    private void poisonResource(ObjectNode r) {
        switch (values.nextInt(8)) {
            case 0 -> r.put("url", values.one(HostileJson.BAD_URLS));
            case 1 -> r.put("name", values.chance(50) ? "n".repeat(201 + values.nextInt(500)) : " ");
            case 2 -> ((ObjectNode) r.get("modalities")).set(values.one(List.of("ct", "xray", "mri", "ultrasound")),
                    json.badFlag());
            case 3 -> r.putObject("counts").set(values.one(List.of("patients", "images", "studies")),
                    values.one(List.of(Http.JSON.getNodeFactory().numberNode(-1), Http.JSON.getNodeFactory().textNode("many"),
                            Http.JSON.getNodeFactory().numberNode(1.5), Http.JSON.getNodeFactory().numberNode(Long.MAX_VALUE))));
            case 4 -> r.put("id", values.one(HostileJson.BAD_IDS));
            case 5 -> {
                var tags = r.putArray("tags");
                for (int i = 0; i < 31; i++) {
                    tags.add("tag-" + i);
                }
            }
            // never null: in a correction's merge patch a null member only removes, so it would name nothing
            case 6 -> {
                com.fasterxml.jackson.databind.JsonNode unknown = json.anyValue();
                r.set("x-" + values.any(), unknown.isNull() ? Http.JSON.getNodeFactory().textNode("x") : unknown);
            }
            default -> r.set(values.one(List.of("name", "url", "tags", "modalities", "counts")),
                    values.chance(50) ? Http.JSON.getNodeFactory().numberNode(7) : Http.JSON.getNodeFactory().booleanNode(true));
        }
    }

    Case apiGet() {
        String token = values.any();
        return HostileRequest.get().path("/api/v1/submissions/").segment(token.isEmpty() ? "x" : token)
                .header("Accept", "application/json").expect("GET /api/v1/submissions/{token}", REFUSED, port);
    }

    /** The right route with a wrong method, content type or accept header. */
    Case apiHeaders() {
        String body = poisonedSubmission().toString();
        return switch (values.nextInt(5)) {
            case 0 -> HostileRequest.method("POST").path("/api/v1/submissions")
                    .body(values.one(List.of("text/plain", "application/xml", "multipart/form-data; boundary=x",
                            "application/x-www-form-urlencoded", "application/json-patch+json", "image/png")),
                            body.getBytes(StandardCharsets.UTF_8))
                    .expect("POST /api/v1/submissions (bad Content-Type)", REFUSED, port);
            case 1 -> HostileRequest.method("POST").path("/api/v1/submissions").json(body)
                    .header("Accept", values.one(List.of("application/xml", "text/csv", "image/png", "text/html")))
                    .expect("POST /api/v1/submissions (bad Accept)", REFUSED, port);
            case 2 -> HostileRequest.method(values.one(List.of("PUT", "DELETE", "PATCH"))).path("/api/v1/submissions")
                    .json(body).expect("PUT|DELETE|PATCH /api/v1/submissions", REFUSED, port);
            case 3 -> HostileRequest.method("POST").path("/api/v1/submissions")
                    .body("application/json; charset=" + values.one(List.of("UTF-16", "ISO-8859-1", "ebcdic", "x")),
                            body.getBytes(StandardCharsets.UTF_8))
                    .expect("POST /api/v1/submissions (odd charset)", REFUSED, port);
            default -> HostileRequest.method(values.one(List.of("PUT", "DELETE", "PATCH"))).path(values.one(List.of(
                    "/new", "/correct/" + values.one(publishedIds), "/track/x")))
                    .form(new HostileForm().put("name", values.any()))
                    .expect("PUT|DELETE|PATCH on a form", REFUSED, port);
        };
    }

    // ---------------------------------------------------------------- the revision round

    /** A tracking token: mostly the revisable one, else a closed one (409) or one no submission has (404). */
    private String revisionToken(int revisablePercent) {
        int pick = values.nextInt(100);
        if (pick < revisablePercent) {
            return revisions.revisableToken();
        }
        if (pick < revisablePercent + (100 - revisablePercent) / 2) {
            return values.one(revisions.closedTokens());
        }
        String token = values.chance(50) ? values.any() : revisions.revisableToken() + values.any();
        return token.isEmpty() ? "x" : token;
    }

    /** POST /api/v1/submissions/{token}/revisions with a poisoned revision, or the wrong token, type or size. */
    Case revisionApi() {
        String token = revisionToken(70);
        HostileRequest request = HostileRequest.method("POST").path("/api/v1/submissions/").segment(token)
                .path("/revisions");
        String route = "POST /api/v1/submissions/{token}/revisions";
        int shape = values.nextInt(100);
        if (shape < 72) {
            String body = poisonedRevision().toString();
            if (values.chance(8)) {
                return request.body("application/json", json.withInvalidUtf8(body)).expect(route + " (not UTF-8)", REFUSED,
                        port);
            }
            return request.json(body).expect(route, REFUSED, port);
        }
        if (shape < 80) {
            return request.json(json.malformed(poisonedRevision().toString()))
                    .expect(route + " (malformed JSON)", REFUSED, port);
        }
        if (shape < 84) {
            return request.json(values.one(List.of("[]", "null", "42", "\"NEW\"", "", " ", "true", "[{\"kind\":\"NEW\"}]")))
                    .expect(route + " (not an object)", REFUSED, port);
        }
        if (shape < 88) {
            return request.json(HostileJson.tooDeep(1001 + values.nextInt(20_000), "{\"proposed\":"))
                    .expect(route + " (too deep)", REFUSED, port);
        }
        if (shape < 92) {
            ObjectNode huge = poisonedRevision();
            huge.put("comment", "c".repeat(65_536 + values.nextInt(200_000)));
            return request.json(huge.toString()).expect(route + " (over 64 KiB)", REFUSED, port);
        }
        String body = poisonedRevision().toString();
        return switch (values.nextInt(3)) {
            case 0 -> request.body(values.one(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                    "application/merge-patch+json", "multipart/form-data; boundary=x")), body.getBytes(StandardCharsets.UTF_8))
                    .expect(route + " (bad Content-Type)", REFUSED, port);
            case 1 -> request.json(body).header("Accept", values.one(List.of("application/xml", "text/csv", "image/png")))
                    .expect(route + " (bad Accept)", REFUSED, port);
            default -> HostileRequest.method(values.one(List.of("PUT", "PATCH", "DELETE"))).path("/api/v1/submissions/")
                    .segment(revisions.revisableToken()).path("/revisions").json(body)
                    .expect("PUT|PATCH|DELETE /api/v1/submissions/{token}/revisions", REFUSED, port);
        };
    }

    /**
     * A revision of the waiting NEW submission with hostile text everywhere and one thing the contract refuses: a
     * kind or resource that is not the submission's, an unknown field, a bad submitter, comment or resource field.
     */
    ObjectNode poisonedRevision() {
        ObjectNode s = Http.JSON.createObjectNode();
        if (values.chance(30)) {
            s.put("kind", "NEW"); // the submission's own kind may be named again
        }
        ObjectNode proposed = json.resource();
        s.set("proposed", proposed);
        s.put("comment", values.any());
        if (values.chance(40)) {
            s.putObject("submitter").put("name", values.any()).put("email", "hostile@example.org");
        }
        switch (values.nextInt(11)) {
            case 0 -> s.put("kind", values.one(List.of("CORRECTION", "WITHDRAWAL")));
            // never null: a null kind means "the submission's own"
            case 1 -> s.set("kind", values.chance(50) ? Http.JSON.getNodeFactory().textNode(values.any())
                    : values.one(List.of(Http.JSON.getNodeFactory().numberNode(1), Http.JSON.getNodeFactory().arrayNode()
                            .add("NEW"), Http.JSON.getNodeFactory().booleanNode(true))));
            // a new resource names no published one
            case 2 -> s.put("resourceId", values.chance(70) ? values.one(publishedIds) : "x" + values.any());
            case 3 -> s.put("x" + values.any(), values.any());
            case 4 -> s.set("proposed", values.one(List.of(Http.JSON.getNodeFactory().textNode("{}"),
                    Http.JSON.getNodeFactory().numberNode(7), Http.JSON.getNodeFactory().arrayNode().add(json.resource()),
                    Http.JSON.getNodeFactory().booleanNode(false))));
            case 5 -> s.putObject("submitter").put("email", values.one(HostileJson.BAD_EMAILS));
            case 6 -> s.put("comment", values.chance(50) ? "c".repeat(5001 + values.nextInt(5000)) : values.any() + "\u0000");
            default -> poisonResource(proposed);
        }
        return s;
    }

    /** POST /track/{token}/revision: the tracking page's form with hostile fields, forged CSRF, wrong tokens. */
    Case revisionForm() {
        String token = revisionToken(65);
        HostileRequest request = HostileRequest.method("POST").path("/track/").segment(token).path("/revision");
        HostileForm form = new HostileForm();
        if (values.chance(30)) {
            form.put("submitterName", values.any());
        }
        fillResource(form);
        form.put("comment", values.any());
        poisonResourceForm(form);
        withCsrf(request, form);
        return request.form(form).expect("POST /track/{token}/revision", REFUSED, port);
    }
}
