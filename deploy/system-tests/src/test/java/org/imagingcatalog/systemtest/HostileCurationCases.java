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
 * token, the UI forms with the curator's session cookie and CSRF token. They aim at a resource and an open
 * submission the test made for the purpose; each carries a value the service must refuse (a bad outcome,
 * version, If-Match, reason or field), so none may change anything.
 */
final class HostileCurationCases {

    /** What the cases aim at, and the curator's credentials. */
    record Target(String bearer, String sessionCookies, String csrfToken, String resourceId, int version,
            String submissionId) {
    }

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
        switch (values.nextInt(5)) {
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
        if (values.chance(50)) {
            e.put("url", values.one(HostileJson.BAD_URLS));
            e.put("x-refused", true);
        } else if (values.chance(50)) {
            e.set(values.one(List.of("name", "url", "modalities", "counts", "tags")), NODES.numberNode(values.nextInt(9)));
            e.put("x-refused", true);
        } else {
            e.put("reason", values.any());
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
        HostileRequest request = switch (values.nextInt(6)) {
            case 0 -> HostileRequest.get().path("/api/v1/queue").query("kind", values.any()).query("status", values.any());
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
        switch (values.nextInt(5)) {
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
        HostileRequest request = switch (values.nextInt(5)) {
            case 0 -> HostileRequest.get().path("/").query("kind", values.any()).query("status", values.any());
            case 1 -> HostileRequest.get().path("/review/").segment(values.any());
            case 2 -> HostileRequest.get().path("/resources/").segment(values.any());
            case 3 -> HostileRequest.get().path("/resources/").segment(target.resourceId()).path("/diff")
                    .query("from", values.any()).query("to", values.any());
            default -> HostileRequest.get().path("/audit").query("action", values.any());
        };
        return request.header("Cookie", target.sessionCookies())
                .expect("GET curation pages (hostile ids and parameters)", READ, port);
    }
}
