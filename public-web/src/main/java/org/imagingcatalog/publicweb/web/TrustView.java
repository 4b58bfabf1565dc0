package org.imagingcatalog.publicweb.web;

import java.util.List;

/**
 * What a resource page shows to let a reader judge the data: its lineage (drawn and listed), how its labels were
 * set, whose and what images it holds, its risk of bias, its identifiers and its relations as stated.
 */
public record TrustView(String svg, List<Ref> sources, List<Ref> further, List<Ref> derived, List<Ref> derivedFurther,
        List<Ref> identical, List<Fact> facts, List<RiskRow> risks, boolean riskAssessed, List<IdRow> identifiers,
        List<RelationRow> relations, String overlapUrl) {

    /** How many datasets a summary sentence names at most. */
    static final int SENTENCE_NAMES = 10;

    /**
     * A dataset of the lineage: its name (or address) and link, what it is ({@code kind}: in the catalog, withdrawn,
     * outside the catalog), and for one further away, the dataset it is reached {@code through}.
     */
    public record Ref(String label, String url, String kind, String relation, Ref through) {
    }

    /** A trust fact: "Label source (reference standard)": "an RT-PCR test", and where it was verified. */
    public record Fact(String id, String label, String value, boolean stated, String help, String verified,
            String verifiedSource, String verifiedUrl) {
    }

    /** One risk-of-bias domain: its risk ("High", "Not assessed") and the stated fact that settles it. */
    public record RiskRow(String domain, String question, String code, String risk, String reason) {
    }

    public record IdRow(String scheme, String value, String url) {
    }

    /** A relation as the entry states it: "is derived from" the target, with its note. */
    public record RelationRow(String type, String target, String url, String note) {
    }

    /** Whether the drawing has anything to show: at least one source or derivative. */
    public boolean hasLineage() {
        return svg != null;
    }

    public int sourceCount() {
        return sources.size();
    }

    /**
     * The derivatives the summary sentence names; the rest it counts ("and 990 more, listed below"): a sentence
     * naming a thousand datasets helps nobody, and the list beside the drawing names them all.
     */
    public List<Ref> derivedNamed() {
        return derived.subList(0, Math.min(derived.size(), SENTENCE_NAMES));
    }

    public int derivedUnnamed() {
        return derived.size() - derivedNamed().size();
    }
}
