package org.imagingcatalog.publicweb.export;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.trust.RiskDomain;
import org.imagingcatalog.model.trust.RiskJudgement;
import org.imagingcatalog.publicweb.catalog.Entry;
import org.imagingcatalog.publicweb.catalog.Flag;

/**
 * The catalog as RFC 4180 CSV, safe to open in a spreadsheet. Lists are joined with {@code "; "}. The trust columns
 * follow the others: the vocabularies' constants ({@code UNKNOWN} when not stated); {@code derivedFrom}, what the
 * entry is built from directly (IsDerivedFrom or IsPartOf, stated by either side) as catalog ids, or the addresses
 * and DOIs of sources outside the catalog; per risk-of-bias domain its risk (empty when unassessed) and reason; and
 * the identifiers as {@code scheme:value}.
 */
public final class Csv {

    static final List<String> HEADER = List.of("id", "name", "url", "description", "provider", "ct", "xray", "mri",
            "ultrasound", "metadata", "caseReview", "license", "access", "formats", "patients", "images", "studies",
            "annotations", "tags", "version", "updated", "referenceStandard", "population", "imageSource", "derivedFrom",
            "riskParticipants", "riskParticipantsReason", "riskReferenceStandard", "riskReferenceStandardReason",
            "riskImages", "riskImagesReason", "riskComposition", "riskCompositionReason", "identifiers");

    private Csv() {
    }

    /** {@code sources}: what an entry (by id) is built from directly. */
    public static String write(List<Entry> entries, Function<String, List<String>> sources) {
        StringBuilder out = new StringBuilder(256 + entries.size() * 512);
        write(entries, sources, out);
        return out.toString();
    }

    /** The entries as they come, a row at a time, to {@code out}. */
    public static void write(Iterable<Entry> entries, Function<String, List<String>> sources, Appendable out) {
        StringBuilder line = new StringBuilder(1024);
        row(line, HEADER);
        flush(line, out);
        for (Entry entry : entries) {
            Resource r = entry.resource();
            List<String> cells = new ArrayList<>(HEADER.size());
            cells.add(r.id());
            cells.add(r.name());
            cells.add(r.url());
            cells.add(r.description());
            cells.add(r.provider());
            for (Flag flag : Flag.values()) {
                cells.add(flag.of(r).code());
            }
            cells.add(r.license());
            cells.add(r.access().name());
            cells.add(String.join("; ", r.formats()));
            cells.add(number(r.counts().patients()));
            cells.add(number(r.counts().images()));
            cells.add(number(r.counts().studies()));
            cells.add(String.join("; ", r.annotations()));
            cells.add(String.join("; ", r.tags()));
            cells.add(r.version() == null ? "" : r.version().toString());
            cells.add(entry.updatedAt().toString());
            cells.add(r.referenceStandard().name());
            cells.add(r.population().name());
            cells.add(r.imageSource().name());
            cells.add(String.join("; ", sources.apply(r.id())));
            for (RiskDomain domain : RiskDomain.values()) {
                RiskJudgement judgement = r.riskOfBias().get(domain);
                cells.add(judgement == null || judgement.risk() == null ? null : judgement.risk().name());
                cells.add(judgement == null ? null : judgement.reason());
            }
            cells.add(String.join("; ", r.identifiers().stream().map(i -> i.scheme().key() + ":" + i.value()).toList()));
            row(line, cells);
            flush(line, out);
        }
    }

    private static void flush(StringBuilder line, Appendable out) {
        try {
            out.append(line);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        line.setLength(0);
    }

    /**
     * One cell: a value a spreadsheet would run as a formula gets a leading apostrophe, and a value
     * holding a separator, a quote or a line break is quoted with its quotes doubled.
     */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
            default -> value;
        };
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    private static void row(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    private static String number(Long value) {
        return value == null ? "" : value.toString();
    }
}
