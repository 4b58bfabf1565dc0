package org.imagingcatalog.systemtest;

import static org.imagingcatalog.systemtest.HostileRequest.Expect.READ;
import static org.imagingcatalog.systemtest.HostileRequest.Expect.REFUSED;

import java.util.List;

import org.imagingcatalog.systemtest.HostileRequest.Case;

/**
 * Hostile requests to public-web: pages, API and exports with hostile query parameters and ids, and the
 * wrong methods and headers. A search for hostile text is a legal read; a bad value of a typed parameter
 * (a flag, access, sort, page, size, an over-long q, a format or annotation that is no list item) is refused,
 * and so is any parameter the address does not know (named in the answer).
 */
final class HostilePublicCases {

    private static final List<String> LISTINGS = List.of("/", "/api/v1/resources", "/export/catalog.csv",
            "/export/catalog.json", "/export/catalog.tex", "/export/catalog.bib", "/export/catalog.jsonld", "/feed.atom",
            "/export/catalog.ttl", "/export/catalog.rdf");
    private static final List<String> FLAGS = List.of("ct", "xray", "mri", "ultrasound", "metadata", "caseReview");

    private final HostileValues values;
    private final int port;
    private final List<String> publishedIds;

    HostilePublicCases(HostileValues values, int port, List<String> publishedIds) {
        this.values = values;
        this.port = port;
        this.publishedIds = publishedIds;
    }

    /** A listing with hostile search text and filters that are legal: served (or refused), never a 5xx. */
    Case search() {
        String listing = values.one(LISTINGS);
        HostileRequest request = HostileRequest.get().path(listing);
        String q = values.any();
        request.query("q", q.length() > 200 ? q.substring(0, 200) : q);
        if (values.chance(30)) {
            String license = values.any();
            request.query("license", license.length() > 100 ? license.substring(0, 100) : license);
        }
        if (values.chance(30)) {
            // the list filters: any value, each one or several (comma-separated or repeated)
            String filter = values.one(List.of("format", "annotation"));
            request.query(filter, values.any());
            if (values.chance(30)) {
                request.query(filter, values.any() + "," + values.any());
            }
        }
        if (values.chance(20)) {
            request.query(values.one(FLAGS), values.one(List.of("Y", "N", "U", "y", " n ")));
        }
        if (values.chance(20)) {
            request.query(values.one(TRUST_CHECKBOXES), values.one(List.of("true", "on", "1", "no", " TRUE ")));
        }
        if (values.chance(20)) {
            String vocabulary = values.one(TRUST_VOCABULARIES);
            request.query(vocabulary, switch (vocabulary) {
                case "population" -> values.one(List.of("ADULT", "PAEDIATRIC", "MIXED", "UNKNOWN"));
                case "imageSource" -> values.one(List.of("HOSPITAL_DICOM", "FROM_PUBLICATIONS", "UNKNOWN"));
                default -> values.one(List.of("RT_PCR", "RADIOLOGIST", "UNKNOWN"));
            });
        }
        return request.expect("GET " + listing + "?q=…", READ, port);
    }

    /** A listing with one typed parameter that is certainly wrong. */
    Case badParameter() {
        String listing = values.one(LISTINGS);
        HostileRequest request = HostileRequest.get().path(listing);
        int poison = values.nextInt(11);
        if (poison != 5 && values.chance(30)) {
            String q = "x" + values.any();
            request.query("q", q.substring(0, Math.min(150, q.length())));
        }
        switch (poison) {
            case 0 -> request.query(values.one(FLAGS), flagText(values.any()));
            case 1 -> request.query("access", values.one(List.of("FREE", "open-ish", "<script>", "' OR 1=1", "1")));
            case 2 -> request.query("sort", values.one(List.of("zzz", "name;drop table entry", "<script>", "-name", "1")));
            case 3 -> request.query("page", values.one(List.of("0", "-1", "10001", "abc", "1.5", "99999999999999999999",
                    "1e3")));
            case 4 -> request.query("size", values.one(List.of("0", "101", "-5", "abc", "1000000", "NaN")));
            case 5 -> request.query("q", "q".repeat(201 + values.nextInt(2000)));
            case 6 -> request.query("license", "l".repeat(101 + values.nextInt(500)));
            case 7 -> unknownParameter(request, listing);
            case 8 -> request.query(values.one(List.of("format", "annotation")), values.one(List.of(
                    "DICOM\u0000", "a\nb", "NIfTI\r\n<script>", "\u0007", "x".repeat(61 + values.nextInt(200)),
                    "DICOM," + "y".repeat(61), "tab\there")));
            case 9 -> {
                String filter = values.one(values.chance(50) ? TRUST_VOCABULARIES : TRUST_CHECKBOXES);
                String value = values.any();
                request.query(filter, trustWords().contains(value.strip().toUpperCase(java.util.Locale.ROOT)) ? "x" + value
                        : value);
            }
            default -> {
                // more list values than a resource may hold
                StringBuilder many = new StringBuilder();
                for (int i = 0; i < 31 + values.nextInt(20); i++) {
                    many.append(i == 0 ? "" : ",").append("v").append(i);
                }
                request.query(values.one(List.of("format", "annotation")), many.toString());
            }
        }
        return request.expect("GET " + listing + " (bad parameter)", REFUSED, port);
    }

    /** The names every catalog address knows; any other is refused. */
    private static final java.util.Set<String> KNOWN = java.util.Set.of("q", "ct", "xray", "mri", "ultrasound", "metadata",
            "caseReview", "access", "license", "format", "annotation", "sort", "page", "size", "referenceStandard",
            "population", "imageSource", "excludePaediatric", "rtPcrOnly", "hospitalImagesOnly");
    private static final List<String> TRUST_VOCABULARIES = List.of("referenceStandard", "population", "imageSource");
    private static final List<String> TRUST_CHECKBOXES = List.of("excludePaediatric", "rtPcrOnly", "hospitalImagesOnly");

    /** A parameter name the address does not know: a near miss of a known one, or hostile text. */
    private String unknownParameter(String listing) {
        if (listing.equals("/feed.atom") && values.chance(30)) {
            return values.one(List.of("page", "size")); // the feed is one list
        }
        String name = values.chance(40) ? values.one(List.of("licence", "formats", "annotations", "case_review",
                "search", "query", "order", "pageSize", "Q", "CT", "limit", "offset", "callback", "_", "utm_source"))
                : values.any();
        return name.isBlank() || KNOWN.contains(name) ? "x" + name : name;
    }

    /** An unknown parameter, and for a known name in other letter case the known one beside it (both are sent). */
    private void unknownParameter(HostileRequest request, String listing) {
        String name = unknownParameter(listing);
        String known = KNOWN.stream().filter(k -> k.equalsIgnoreCase(name)).findFirst().orElse(null);
        if (known != null) {
            request.query(known, known.equals("q") ? "x" : known.equals("size") || known.equals("page") ? "1" : "Y");
        }
        request.query(name, values.any());
    }

    /** Every word a trust filter takes, so a hostile value is certainly none of them. */
    private static java.util.Set<String> trustWords() {
        return java.util.Set.of("", "TRUE", "FALSE", "ON", "OFF", "YES", "NO", "1", "0", "RT_PCR", "CLINICAL", "RADIOLOGIST",
                "REPORT_DERIVED", "MIXED", "UNKNOWN", "ADULT", "PAEDIATRIC", "HOSPITAL_DICOM", "CONVERTED_FROM_DICOM",
                "FROM_PUBLICATIONS");
    }

    /**
     * The overlap check and the lineage with hostile ids: ids no entry has are 404 naming them, too few, too many
     * or control characters are 400, an unknown parameter is 400; the page answers the same in HTML.
     */
    Case overlapAndLineage() {
        String hostile = values.any();
        HostileRequest request = switch (values.nextInt(4)) {
            case 0 -> HostileRequest.get().path(values.one(List.of("/api/v1/overlap", "/overlap")))
                    .query("ids", values.one(publishedIds) + ",x" + hostile); // at least one id no entry has
            case 1 -> HostileRequest.get().path("/api/v1/overlap").query("ids", hostile); // one id, none, or unknown ones
            case 2 -> {
                StringBuilder many = new StringBuilder();
                for (int i = 0; i < 21 + values.nextInt(30); i++) {
                    many.append(i == 0 ? "" : ",").append("o").append(i);
                }
                yield HostileRequest.get().path(values.one(List.of("/api/v1/overlap", "/overlap"))).query("ids",
                        many.toString());
            }
            default -> HostileRequest.get().path("/api/v1/resources/").segment("x" + hostile).path("/lineage");
        };
        if (values.chance(20)) {
            request.query(values.one(List.of("id", "Ids", "callback", "format")), values.any());
        }
        return request.expect("GET /overlap, /api/v1/overlap, /api/v1/resources/{id}/lineage (hostile ids)", REFUSED,
                port);
    }

    /**
     * Releases no one cut, in every release route and export: 404 for a name no release has, 400 for one no release
     * could have in a query or with a filter beside it (a release is exported whole), 400 for an unknown parameter.
     */
    Case releases() {
        String name = "x" + values.any();
        HostileRequest request = switch (values.nextInt(6)) {
            case 0 -> HostileRequest.get().path("/releases/").segment(name);
            case 1 -> HostileRequest.get().path("/api/v1/releases/").segment(name);
            case 2 -> HostileRequest.get().path("/api/v1/releases/").segment(name).path("/diff/").segment("y" + values.any());
            case 3 -> HostileRequest.get().path("/api/v1/releases/").segment(name).path("/datacite.xml");
            case 4 -> HostileRequest.get().path(values.one(List.of("/export/catalog.csv", "/export/catalog.tex",
                    "/export/catalog.ttl", "/export/catalog.json"))).query("release", name);
            default -> HostileRequest.get().path("/export/catalog.bib").query("release", "2026.1")
                    .query(values.one(List.of("q", "ct", "access", "license")), values.chance(50) ? "Y" : values.any());
        };
        if (values.chance(15)) {
            request.query(values.one(List.of("callback", "format", "releases")), values.any());
        }
        return request.expect("GET /releases/{name}, /api/v1/releases/{name}[/diff/{b}|/datacite.xml],"
                + " /export/*?release= (no such release)", REFUSED, port);
    }

    private static String flagText(String s) {
        return HostileJson.isFlag(s) ? "maybe" : s;
    }

    /** Ids that are not in the catalog, in the page and API routes. */
    Case unknownId() {
        String id = values.any();
        HostileRequest request = switch (values.nextInt(4)) {
            case 0 -> HostileRequest.get().path("/resources/").segment(id.isEmpty() ? "x" : id);
            case 1 -> HostileRequest.get().path("/api/v1/resources/").segment(id.isEmpty() ? "x" : id);
            case 2 -> HostileRequest.get().path("/resources/").segment(id.isEmpty() ? "x" : id).path("/croissant.json");
            default -> HostileRequest.get().path("/api/v1/resources/").segment(id.isEmpty() ? "x" : id).path("/history");
        };
        return request.expect("GET /resources/{id}[/croissant.json], /api/v1/resources/{id}[/history] (unknown id)",
                REFUSED, port);
    }

    /** Known routes with the wrong method or accept header, and conditional headers with garbage. */
    Case headers() {
        String route = values.chance(50) ? values.one(LISTINGS) : "/resources/" + values.one(publishedIds);
        return switch (values.nextInt(3)) {
            case 0 -> HostileRequest.method(values.one(List.of("POST", "PUT", "DELETE", "PATCH"))).path(route)
                    .form(new HostileForm().put("q", values.any()))
                    .expect("POST|PUT|DELETE|PATCH on a read-only route", REFUSED, port);
            case 1 -> HostileRequest.get().path(route.startsWith("/resources/") ? "/api/v1" + route : "/api/v1/resources")
                    .header("Accept", values.one(List.of("application/xml", "text/csv", "image/png", "text/html")))
                    .expect("GET /api/v1/… (bad Accept)", REFUSED, port);
            default -> HostileRequest.get().path(route)
                    .header(values.one(List.of("If-None-Match", "If-Modified-Since", "If-Match", "Range", "Accept-Language")),
                            values.any() + "x")
                    .expect("GET with garbage conditional headers", READ, port);
        };
    }
}
