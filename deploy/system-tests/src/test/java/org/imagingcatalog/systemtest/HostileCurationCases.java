package org.imagingcatalog.systemtest;

import static org.imagingcatalog.systemtest.HostileRequest.Expect.READ;
import static org.imagingcatalog.systemtest.HostileRequest.Expect.REFUSED;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.imagingcatalog.systemtest.HostileRequest.Case;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Hostile requests to curation-service as a real curator sends them: the API with the curator's bearer
 * token, the UI forms with the curator's session cookie and CSRF token, the audit log as the catalog-admin
 * reads it. They aim at a resource and an open submission the test made for the purpose; each carries a value
 * the service must refuse (a bad outcome, version, If-Match, media type, reason, field or merge patch, a claim
 * of a decided or unknown submission), so none may change anything.
 */
final class HostileCurationCases {

    /** What the cases aim at, and the curator's credentials. */
    record Target(String bearer, String sessionCookies, String csrfToken, String resourceId, int version,
            String submissionId, String decidedSubmissionId, String adminBearer, String patchResourceId) {
    }

    /** RFC 7396's media type, the only one PATCH takes. */
    private static final String MERGE_PATCH = "application/merge-patch+json";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final HostileValues values;
    private final HostileJson json;
    private final int port;
    private final Target target;

    HostileCurationCases(HostileValues values, int port, Target target) {
        this.values = values;
        this.json = new HostileJson(values);
        this.port = port;
        this.target = target;
    }

    private String resourceOrHostile() {
        return values.chance(80) ? target.resourceId() : values.one(HostileJson.BAD_IDS);
    }

    private String submissionOrHostile() {
        int pick = values.nextInt(10);
        return pick < 6 ? target.submissionId() : pick < 8 ? UUID.randomUUID().toString() : values.any();
    }

    // ---------------------------------------------------------------- API

    Case apiWrite() {
        HostileRequest request;
        String route;
        switch (values.nextInt(7)) {
            case 6 -> {
                // catalog-admin's cut, with a name or notes it must refuse
                return release().header("Authorization", "Bearer " + target.adminBearer())
                        .expect("POST /api/v1/releases", REFUSED, port);
            }
            case 0 -> {
                route = "POST /api/v1/submissions/{id}/decision";
                request = HostileRequest.method("POST").path("/api/v1/submissions/").segment(submissionOrHostile())
                        .path("/decision").json(decision().toString());
            }
            case 1 -> {
                route = "PUT /api/v1/resources/{id}";
                request = HostileRequest.method("PUT").path("/api/v1/resources/").segment(resourceOrHostile());
                ObjectNode edits = edits();
                request.json(edits.toString());
                String ifMatch = ifMatch(edits.has("x-refused"));
                if (ifMatch != null) {
                    request.header("If-Match", ifMatch);
                }
            }
            case 2 -> {
                route = "POST /api/v1/resources/{id}/revert";
                ObjectNode body = NODES.objectNode();
                body.set("toVersion", values.one(List.of(NODES.textNode("x"), NODES.numberNode(-1), NODES.numberNode(0),
                        NODES.numberNode(999_999), NODES.numberNode(2_147_483_648L), NODES.nullNode(), NODES.arrayNode(),
                        NODES.objectNode(), NODES.numberNode(target.version()))));
                body.put("reason", values.any());
                request = HostileRequest.method("POST").path("/api/v1/resources/").segment(resourceOrHostile())
                        .path("/revert").json(body.toString());
            }
            case 3 -> {
                route = "POST /api/v1/resources/{id}/withdraw";
                request = HostileRequest.method("POST").path("/api/v1/resources/").segment(resourceOrHostile())
                        .path("/withdraw").json(refusedReason().toString());
            }
            case 5 -> {
                route = "POST /api/v1/imports";
                request = HostileRequest.method("POST").path("/api/v1/imports").query("reason", values.chance(80)
                        ? "hostile import " + values.nextInt(1000) : values.any());
                hostileImport(request);
            }
            default -> {
                route = "POST /api/v1/resources/{id}/restore";
                // the resource is active: a restore is refused whatever the reason
                ObjectNode body = NODES.objectNode();
                body.set("reason", values.chance(70) ? NODES.textNode(values.any()) : json.anyValue());
                request = HostileRequest.method("POST").path("/api/v1/resources/").segment(resourceOrHostile())
                        .path("/restore").json(body.toString());
            }
        }
        if (values.chance(5)) {
            // broken JSON; should a lenient parser still read it, what it reads is refused on every route
            byte[] broken = values.chance(50)
                    ? json.malformed("{\"reason\":\"   \",\"x-refused\":true}").getBytes(StandardCharsets.UTF_8)
                    : HostileJson.tooDeep(1001 + values.nextInt(5000), "{\"reason\":").getBytes(StandardCharsets.UTF_8);
            request.body(null, broken);
        }
        return bearer(request).expect(route, REFUSED, port);
    }

    /** A release cut whose name or notes are refused: a name a path or a citation could not hold, or bad notes. */
    private HostileRequest release() {
        ObjectNode body = NODES.objectNode();
        if (values.chance(60)) {
            body.set("name", values.one(java.util.Arrays.asList(NODES.textNode(values.any() + " /" + values.any()),
                    NODES.textNode(""), NODES.textNode("r".repeat(41)), NODES.textNode("../" + values.nextInt(100)),
                    NODES.textNode("a\u0000b"), NODES.textNode("<script>x</script>"), NODES.nullNode(),
                    NODES.arrayNode().add("2026.1"))));
            if (values.chance(50)) {
                body.put("notes", values.any());
            }
        } else {
            body.put("name", "hostile-" + UUID.randomUUID().toString().substring(0, 8));
            body.put("notes", values.chance(50) ? "n".repeat(5001 + values.nextInt(2000)) : values.any() + "\u0007");
        }
        if (values.chance(20)) {
            body.set("x-" + values.nextInt(100), json.anyValue());
        }
        return HostileRequest.method("POST").path("/api/v1/releases").json(body.toString());
    }

    /** An import file the service refuses as a whole or for a row (so, an import being all or nothing, entirely). */
    private void hostileImport(HostileRequest request) {
        String id = target.resourceId();
        String csv = switch (values.nextInt(8)) {
            case 0 -> "id,name\r\n" + id + ",=HYPERLINK(\"http://127.0.0.1/x\",\"click\")\r\n";
            case 1 -> "id,description\r\n" + id + ",a\r\n" + id + ",b\r\n";
            case 2 -> "id,evil\r\n" + id + "," + values.any() + "\r\n";
            case 3 -> "id,description\r\n" + id + ",a,b,c\r\n";
            case 4 -> "id,name,url\r\n";
            case 5 -> "";
            case 6 -> "id,url\r\n" + id + "," + values.one(HostileJson.BAD_URLS).replace(",", "") + "\r\n";
            default -> null;
        };
        if (csv == null) {
            // Windows-1252, not UTF-8: refused whole, naming the byte
            byte[] head = ("id,description\r\n" + id + ",Caf").getBytes(StandardCharsets.UTF_8);
            byte[] bytes = java.util.Arrays.copyOf(head, head.length + 3);
            bytes[head.length] = (byte) 0xE9;
            bytes[head.length + 1] = '\r';
            bytes[head.length + 2] = '\n';
            request.body("text/csv", bytes);
        } else {
            request.body("text/csv", csv.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A decision the service refuses: an unknown outcome, or a message it cannot take. */
    private ObjectNode decision() {
        ObjectNode d = NODES.objectNode();
        if (values.chance(60)) {
            d.set("outcome", values.one(List.of(NODES.textNode("APPROVE"), NODES.textNode(""), NODES.textNode("ACCEPTED"),
                    NODES.textNode("ACCEPT; DROP TABLE review_item"), NODES.textNode("<script>window.__pwned=1</script>"),
                    NODES.textNode("' OR 1=1 --"), NODES.textNode("../ACCEPT"), NODES.numberNode(1), NODES.nullNode(),
                    NODES.arrayNode().add("ACCEPT"), NODES.objectNode().put("outcome", "ACCEPT"))));
            d.put("message", values.any());
        } else {
            d.put("outcome", values.one(List.of("REJECT", "REQUEST_CHANGES")));
            d.put("message", values.chance(50) ? "m".repeat(5001 + values.nextInt(2000)) : values.any() + "\u0000");
        }
        if (values.chance(40)) {
            d.set("edits", json.anyValue());
        }
        return d;
    }

    /** Resource fields with at least one the service refuses (marked, so If-Match may then be right). */
    private ObjectNode edits() {
        ObjectNode e = json.resource();
        e.remove("id");
        // a reason is required: most edits give a good one, so what is refused is the field or the If-Match
        e.put("reason", values.chance(75) ? "hostile run edit " + values.nextInt(1000) : values.any());
        if (values.chance(50)) {
            e.put("url", values.one(HostileJson.BAD_URLS));
            e.put("x-refused", true);
        } else if (values.chance(50)) {
            e.set(values.one(List.of("name", "url", "modalities", "counts", "tags")), NODES.numberNode(values.nextInt(9)));
            e.put("x-refused", true);
        }
        return e;
    }

    /** With refused fields any If-Match will do; otherwise only a missing, stale or broken one. */
    private String ifMatch(boolean fieldsRefused) {
        if (fieldsRefused && values.chance(50)) {
            return "\"" + target.version() + "\"";
        }
        return values.one(java.util.Arrays.asList(null, "\"" + (target.version() + 1 + values.nextInt(5)) + "\"",
                "\"0\"", "*", "W/\"x\"", values.any() + "x", "\"" + "9".repeat(30) + "\"", "\"-1\""));
    }

    private ObjectNode refusedReason() {
        ObjectNode body = NODES.objectNode();
        switch (values.nextInt(5)) {
            case 0 -> { /* no reason */ }
            case 1 -> body.put("reason", "   ");
            case 2 -> body.put("reason", "r".repeat(2001 + values.nextInt(3000)));
            case 3 -> body.put("reason", values.any() + "\u0000" + values.any());
            default -> body.set("reason", values.one(List.of(NODES.arrayNode().add("why"), NODES.objectNode().put("a", 1))));
        }
        if (values.chance(30)) {
            body.set("x-" + values.nextInt(100), json.anyValue());
        }
        return body;
    }

    Case apiRead() {
        String id = values.chance(50) ? values.any() : target.resourceId();
        HostileRequest request = switch (values.nextInt(9)) {
            case 8 -> HostileRequest.get().path("/api/v1/releases/").segment(values.any());
            case 0 -> HostileRequest.get().path("/api/v1/queue").query("kind", values.any()).query("status", values.any());
            case 7 -> HostileRequest.get().path("/api/v1/link-health").query("status", values.any()).query("sort", values.any());
            case 6 -> HostileRequest.get().path("/api/v1/queue").query("page", values.any()).query("size", values.any());
            case 1 -> HostileRequest.get().path("/api/v1/submissions/").segment(values.any());
            case 2 -> HostileRequest.get().path("/api/v1/resources/").segment(values.any());
            case 3 -> HostileRequest.get().path("/api/v1/resources/").segment(id).path("/versions/").segment(values.any());
            case 4 -> HostileRequest.get().path("/api/v1/resources/").segment(id).path("/diff")
                    .query("from", values.any()).query("to", values.any());
            default -> HostileRequest.get().path("/api/v1/resources/").segment(values.any()).path("/versions");
        };
        return bearer(request).expect("GET /api/v1/… (hostile ids and parameters)", READ, port);
    }

    /** Right route and body, wrong credentials, content type, accept or method. */
    Case apiHeaders() {
        HostileRequest request = HostileRequest.method("POST").path("/api/v1/resources/").segment(target.resourceId())
                .path("/withdraw");
        byte[] body = refusedReason().toString().getBytes(StandardCharsets.UTF_8);
        return switch (values.nextInt(4)) {
            case 0 -> request.body("application/json", body).header("Authorization", values.one(List.of(
                    "Bearer", "Bearer " + values.any(), "Basic YWRtaW46YWRtaW4=", "bearer " + target.bearer() + "x",
                    "Bearer " + "A".repeat(9000), "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", target.bearer())))
                    .expect("POST /api/v1/resources/{id}/withdraw (forged Authorization)", REFUSED, port);
            case 1 -> bearer(request.body(values.one(List.of("text/plain", "application/xml", "text/html",
                    "application/x-www-form-urlencoded")), body))
                    .expect("POST /api/v1/resources/{id}/withdraw (bad Content-Type)", REFUSED, port);
            case 2 -> bearer(request.body("application/json", body)
                    .header("Accept", values.one(List.of("application/xml", "text/csv", "image/png"))))
                    .expect("POST /api/v1/resources/{id}/withdraw (bad Accept)", REFUSED, port);
            default -> bearer(HostileRequest.method(values.one(List.of("DELETE", "PATCH", "PUT")))
                    .path("/api/v1/resources/").segment(target.resourceId()).path("/versions/1").body("application/json", body))
                    .expect("DELETE|PATCH|PUT /api/v1/resources/{id}/versions/1", REFUSED, port);
        };
    }

    private HostileRequest bearer(HostileRequest request) {
        return request.header("Authorization", "Bearer " + target.bearer());
    }

    // ---------------------------------------------------------------- UI forms

    Case form() {
        HostileForm form = new HostileForm();
        HostileRequest request = HostileRequest.method("POST");
        String route;
        switch (values.nextInt(7)) {
            case 0 -> {
                route = "POST /review/{id}";
                request.path("/review/").segment(submissionOrHostile());
                for (String field : List.of("name", "url", "description", "provider", "ct", "tags")) {
                    if (values.chance(40)) {
                        form.put(field, values.any());
                    }
                }
                if (values.chance(60)) {
                    form.put("outcome", values.one(List.of("APPROVE", "", "ACCEPTED", "<script>window.__pwned=1</script>",
                            "' OR 1=1 --", "DROP")));
                    form.put("message", values.any());
                } else {
                    form.put("outcome", values.one(List.of("REJECT", "REQUEST_CHANGES")));
                    form.put("message", values.chance(50) ? "m".repeat(5001) : values.any() + "\u0000");
                }
            }
            case 1 -> {
                route = "POST /resources/{id}/edit";
                request.path("/resources/").segment(resourceOrHostile()).path("/edit");
                form.put("name", "Hostile " + values.any()).put("description", values.any()).put("reason", values.any());
                if (values.chance(50)) {
                    form.put("baseVersion", Integer.toString(target.version()));
                    form.put(values.one(List.of("url", "ct", "patients", "id")), values.one(List.of(
                            "javascript:window.__pwned=1", "maybe", "-5", "../../etc/passwd")));
                    form.put("url", values.one(HostileJson.BAD_URLS));
                } else {
                    form.put("url", "https://example.org/hostile");
                    form.put("baseVersion", values.one(List.of("", "x", "0", "-1", Integer.toString(target.version() + 1),
                            "99999999999", "1.0", values.any() + "x")));
                }
            }
            case 2 -> {
                route = "POST /resources/{id}/revert";
                request.path("/resources/").segment(resourceOrHostile()).path("/revert");
                form.put("toVersion", values.one(List.of("x", "-1", "0", "999999", "99999999999", "",
                        Integer.toString(target.version()), values.any() + "x")));
                form.put("reason", values.any());
            }
            case 3 -> {
                route = "POST /resources/{id}/withdraw";
                request.path("/resources/").segment(resourceOrHostile()).path("/withdraw");
                switch (values.nextInt(3)) {
                    case 0 -> { /* no reason */ }
                    case 1 -> form.put("reason", "r".repeat(2001));
                    default -> form.put("reason", values.any() + "\u0000");
                }
            }
            case 4 -> {
                route = "POST /attention/{id}/accept-move";
                request.path("/attention/").segment(resourceOrHostile()).path("/accept-move");
                form.put("url", values.chance(50) ? values.one(HostileJson.BAD_URLS) : values.any());
            }
            case 5 -> {
                route = "POST /attention/{id}/reviewed";
                request.path("/attention/").segment(resourceOrHostile()).path("/reviewed");
                form.put("url", values.any());
            }
            default -> {
                route = "POST /resources/{id}/restore";
                request.path("/resources/").segment(resourceOrHostile()).path("/restore");
                form.put("reason", values.any());
            }
        }
        int csrf = values.nextInt(100);
        if (csrf < 80) {
            form.put("csrf-token", target.csrfToken());
        } else if (csrf < 90) {
            form.put("csrf-token", values.any() + "x");
        }
        if (values.chance(5)) {
            form.putRaw("reason", "%ZZ".getBytes(StandardCharsets.US_ASCII));
        }
        return request.header("Cookie", target.sessionCookies()).form(form).expect(route, REFUSED, port);
    }

    Case page() {
        HostileRequest request = switch (values.nextInt(6)) {
            case 0 -> HostileRequest.get().path("/").query("kind", values.any()).query("status", values.any());
            case 5 -> HostileRequest.get().path("/attention").query("status", values.any()).query("sort", values.any());
            case 1 -> HostileRequest.get().path("/review/").segment(values.any());
            case 2 -> HostileRequest.get().path("/resources/").segment(values.any());
            case 3 -> HostileRequest.get().path("/resources/").segment(target.resourceId()).path("/diff")
                    .query("from", values.any()).query("to", values.any());
            default -> HostileRequest.get().path("/audit").query("action", values.any());
        };
        return request.header("Cookie", target.sessionCookies())
                .expect("GET curation pages (hostile ids and parameters)", READ, port);
    }

    // ---------------------------------------------------------------- PATCH (JSON Merge Patch)

    /**
     * PATCH /api/v1/resources/{id}: a hostile merge patch with the right If-Match, a good patch with a missing,
     * stale or broken If-Match or the wrong media type, or a body that is no merge patch at all.
     */
    Case patch() {
        // a resource of its own (at version 1 too): a patch let through by mistake leaves the other cases' target alone
        String id = values.chance(85) ? target.patchResourceId() : values.one(HostileJson.BAD_IDS);
        HostileRequest request = HostileRequest.method("PATCH").path("/api/v1/resources/").segment(id);
        String route = "PATCH /api/v1/resources/{id}";
        String right = "\"" + target.version() + "\"";
        int pick = values.nextInt(100);
        if (pick < 55) {
            request.body(MERGE_PATCH, hostilePatch().toString().getBytes(StandardCharsets.UTF_8)).header("If-Match", right);
        } else if (pick < 70) {
            route += " (If-Match)";
            request.body(MERGE_PATCH, goodPatch().toString().getBytes(StandardCharsets.UTF_8));
            // stale far ahead, so a patch let through by mistake (which makes version 2) never makes it current
            String ifMatch = values.one(java.util.Arrays.asList(null, "\"" + (target.version() + 500 + values.nextInt(5)) + "\"",
                    "\"0\"", "\"-1\"", "*", "W/\"x\"", "", values.any() + "x", "\"" + "9".repeat(30) + "\"",
                    right + ", \"" + (target.version() + 1) + "\""));
            if (ifMatch != null) {
                request.header("If-Match", ifMatch);
            }
        } else if (pick < 85) {
            route += " (bad Content-Type)";
            byte[] body = goodPatch().toString().getBytes(StandardCharsets.UTF_8);
            String type = values.one(java.util.Arrays.asList(null, "application/json", "text/plain", "application/json-patch+json",
                    "application/x-www-form-urlencoded", "application/merge-patch+xml", "application/xml"));
            request.body(type, body).header("If-Match", right);
        } else {
            route += " (not a merge patch)";
            byte[] body = switch (values.nextInt(5)) {
                case 0 -> json.malformed(goodPatch().toString()).getBytes(StandardCharsets.UTF_8);
                case 1 -> values.one(List.of("[]", "null", "42", "\"description\"", "", "true", "[{\"op\":\"replace\"}]"))
                        .getBytes(StandardCharsets.UTF_8);
                case 2 -> HostileJson.tooDeep(1001 + values.nextInt(5000), "{\"reason\":\"deep\",\"description\":")
                        .getBytes(StandardCharsets.UTF_8);
                case 3 -> goodPatch().put("description", "d".repeat(65_536 + values.nextInt(100_000))).toString()
                        .getBytes(StandardCharsets.UTF_8);
                default -> json.withInvalidUtf8(goodPatch().put("x-refused", true).toString());
            };
            request.body(MERGE_PATCH, body).header("If-Match", right);
        }
        return bearer(request).expect(route, REFUSED, port);
    }

    /** A patch the service would take (for the cases where something else is wrong): a description and a reason. */
    private ObjectNode goodPatch() {
        return NODES.objectNode().put("description", "Patched by the hostile run " + values.nextInt(1_000_000) + ".")
                .put("reason", "hostile run patch");
    }

    /** A merge patch with hostile (perhaps legal) noise, then one member the service certainly refuses. */
    private ObjectNode hostilePatch() {
        ObjectNode p = NODES.objectNode();
        if (values.chance(50)) {
            p.put("description", values.any());
        }
        if (values.chance(30)) {
            p.put("provider", values.any());
        }
        if (values.chance(20)) {
            p.putArray("tags").add(values.any());
        }
        p.put("reason", values.chance(60) ? "hostile run patch " + values.nextInt(1000) : values.any());
        switch (values.nextInt(12)) {
            // required: a patch cannot clear them
            case 0 -> p.putNull(values.one(List.of("name", "url")));
            case 1 -> p.put("url", values.one(HostileJson.BAD_URLS));
            case 2 -> p.put("name", values.chance(50) ? "n".repeat(201 + values.nextInt(500)) : "line\nbreak\u0000");
            case 3 -> p.set(values.one(List.of("name", "url", "tags", "modalities", "counts", "formats", "access")),
                    values.chance(50) ? NODES.numberNode(7) : NODES.booleanNode(true));
            case 4 -> p.putObject("counts").set(values.one(List.of("patients", "images", "studies")), values.one(List.of(
                    NODES.numberNode(-1), NODES.textNode("many"), NODES.numberNode(1.5), NODES.numberNode(Long.MAX_VALUE))));
            case 5 -> p.putObject("modalities").set(values.one(List.of("ct", "xray", "mri", "ultrasound")), json.badFlag());
            // the id never changes; version and status are the service's
            case 6 -> p.put("id", values.chance(50) ? "another-" + values.nextInt(1000) : values.one(HostileJson.BAD_IDS));
            case 7 -> {
                if (values.chance(50)) {
                    p.put("version", target.version() + 1);
                } else {
                    p.put("status", values.one(List.of("WITHDRAWN", "ACTIVE", "DELETED")));
                }
            }
            // an unknown member, never null (null would remove nothing and so name nothing)
            case 8 -> p.put("x-" + values.any(), values.chance(50) ? values.any() : "x");
            case 9 -> {
                switch (values.nextInt(5)) {
                    case 0 -> p.remove("reason");
                    case 1 -> p.put("reason", "  \t ");
                    case 2 -> p.put("reason", "r".repeat(2001 + values.nextInt(3000)));
                    case 3 -> p.put("reason", values.any() + "\u0000");
                    default -> p.set("reason", values.one(List.of(NODES.arrayNode().add("why"), NODES.numberNode(1),
                            NODES.nullNode())));
                }
            }
            case 10 -> {
                var tags = p.putArray("tags");
                for (int i = 0; i < 31; i++) {
                    tags.add("tag-" + i);
                }
            }
            default -> p.put("access", values.chance(50) ? "FREE" : values.one(HostileValues.SQL));
        }
        return p;
    }

    // ---------------------------------------------------------------- claims

    /** A submission id that cannot be claimed: decided already, unknown, or not an id at all. */
    private String unclaimable() {
        int pick = values.nextInt(10);
        String id = pick < 4 ? target.decidedSubmissionId() : pick < 7 ? UUID.randomUUID().toString() : values.any();
        return id.isEmpty() ? "x" : id;
    }

    /** POST /api/v1/submissions/{id}/claim and the review page's claim form, for what cannot be claimed. */
    Case claim() {
        if (values.chance(50)) {
            HostileRequest request = HostileRequest.method("POST").path("/api/v1/submissions/").segment(unclaimable())
                    .path("/claim");
            if (values.chance(30)) {
                request.json(json.anyValue().toString());
            }
            return bearer(request).expect("POST /api/v1/submissions/{id}/claim", REFUSED, port);
        }
        HostileForm form = new HostileForm();
        int csrf = values.nextInt(100);
        if (csrf < 80) {
            form.put("csrf-token", target.csrfToken());
        } else if (csrf < 90) {
            form.put("csrf-token", values.any() + "x");
        }
        if (values.chance(20)) {
            form.put(values.any(), values.any());
        }
        return HostileRequest.method("POST").path("/review/").segment(unclaimable()).path("/claim")
                .header("Cookie", target.sessionCookies()).form(form)
                .expect("POST /review/{id}/claim", REFUSED, port);
    }

    // ---------------------------------------------------------------- the audit log

    /**
     * The audit log's filters: the API as the catalog-admin reads it and the page as a curator does, with one
     * certainly bad filter (refused, naming it) or with hostile but legal ones (a read, answered or refused).
     */
    Case audit() {
        boolean api = values.chance(50);
        HostileRequest request = HostileRequest.get().path(api ? "/api/v1/audit" : "/audit");
        boolean refused = values.chance(60);
        if (refused) {
            switch (values.nextInt(6)) {
                case 0 -> request.query("curator", values.chance(50) ? "c".repeat(201 + values.nextInt(300))
                        : values.any() + "\u0007");
                case 1 -> request.query("action", values.one(List.of("APPROVE", "DROP TABLE audit_entry", "<script>",
                        "' OR 1=1 --", "LOGIN;", "*", "0")));
                case 2 -> request.query(values.one(List.of("from", "to")), values.one(List.of("2026-13-45", "yesterday",
                        "' OR 1=1", "2026-01-31T25:00:00Z", "9".repeat(50), "<script>", "2026-02-30", "31/01/2026",
                        "2026-01-31T12:00:00")));
                case 3 -> request.query("from", "2026-02-01").query("to", "2026-01-01");
                case 4 -> request.query("page", values.one(List.of("0", "-1", "abc", "1.5", "99999999999", "1000001")));
                default -> request.query("size", values.one(List.of("0", "201", "-5", "abc", "1e3", "NaN")));
            }
        } else {
            request.query("curator", values.any());
            if (values.chance(50)) {
                request.query("action", values.one(List.of("LOGIN", "CLAIM", "DECISION", "EDIT", "", "decision")));
            }
            if (values.chance(40)) {
                request.query(values.one(List.of("from", "to")), values.chance(50) ? "2026-01-31" : values.any());
            }
        }
        request.header(values.chance(10) ? "X-Noise" : "Accept", api ? "application/json" : "text/html");
        if (api) {
            request.header("Authorization", "Bearer " + target.adminBearer());
        } else {
            request.header("Cookie", target.sessionCookies());
        }
        String route = (api ? "GET /api/v1/audit" : "GET /audit") + (refused ? " (bad filter)" : " (hostile filters)");
        return request.expect(route, refused ? REFUSED : READ, port);
    }
}
