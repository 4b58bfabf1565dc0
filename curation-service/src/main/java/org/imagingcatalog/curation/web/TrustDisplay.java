package org.imagingcatalog.curation.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.imagingcatalog.curation.history.ChangeSummary;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.Slugs;
import org.imagingcatalog.model.trust.Dois;
import org.imagingcatalog.model.trust.Identifier;
import org.imagingcatalog.model.trust.IdentifierScheme;
import org.imagingcatalog.model.trust.Provenance;
import org.imagingcatalog.model.trust.Relation;
import org.imagingcatalog.model.trust.RiskDomain;
import org.imagingcatalog.model.trust.RiskJudgement;
import org.imagingcatalog.model.trust.Urls;

import io.quarkus.qute.TemplateData;

/**
 * A resource's trust fields as the pages show them: labels instead of codes, links where a value is an address, a
 * catalog id or a DOI (nothing else becomes a link), and per field where it was verified, on which day and by whom.
 */
@TemplateData
public record TrustDisplay(String referenceStandard, String population, String imageSource, List<Judgement> risks,
        List<Link> relations, List<Link> identifiers, List<Verified> provenance) {

    /** A risk-of-bias domain that is assessed: its label, the risk and the stated reason. */
    @TemplateData
    public record Judgement(String domain, String risk, String reason) {
    }

    /** A value to show, with the address it links to (null: plain text) and a note. */
    @TemplateData
    public record Link(String label, String text, String href, String note) {
    }

    /** Where one field was verified: its label and path, the source (linked if it is an address), the day, who. */
    @TemplateData
    public record Verified(String field, String path, String source, String href, String on, String by) {
    }

    public static TrustDisplay of(Resource r) {
        List<Judgement> risks = new ArrayList<>();
        for (RiskDomain d : RiskDomain.values()) {
            RiskJudgement j = r.riskOfBias().get(d);
            if (j != null) {
                risks.add(new Judgement(d.label(), j.risk() == null ? "not stated" : j.risk().name(),
                        j.reason() == null ? "" : j.reason()));
            }
        }
        List<Link> relations = new ArrayList<>();
        for (Relation rel : r.relations()) {
            relations.add(new Link(rel.type() == null ? "" : rel.type().dataCite(), rel.target(), href(rel.target()),
                    rel.note()));
        }
        List<Link> identifiers = new ArrayList<>();
        for (Identifier i : r.identifiers()) {
            identifiers.add(new Link(i.scheme() == null ? "" : i.scheme().key(), i.value(), href(i), null));
        }
        List<Verified> provenance = new ArrayList<>();
        for (Map.Entry<String, Provenance> e : r.provenance().entrySet()) {
            Provenance p = e.getValue();
            provenance.add(new Verified(ChangeSummary.label(e.getKey()), e.getKey(), p.source(),
                    Urls.isHttpUrl(p.source()) ? p.source() : null, p.verifiedOn() == null ? null : p.verifiedOn().toString(),
                    p.verifiedBy()));
        }
        return new TrustDisplay(r.referenceStandard().label(), r.population().label(), r.imageSource().label(), risks,
                relations, identifiers, provenance);
    }

    /** Where a relation's target links: the catalog entry's page here, the DOI's resolver, or the address itself. */
    static String href(String target) {
        if (target == null) {
            return null;
        }
        if (Slugs.isValid(target)) {
            return "/resources/" + target;
        }
        return Dois.parse(target).map(doi -> "https://doi.org/" + doi)
                .orElse(Urls.isHttpUrl(target) ? target : null);
    }

    private static String href(Identifier i) {
        if (!i.isValid()) {
            return null;
        }
        if (i.scheme() == IdentifierScheme.DOI) {
            return "https://doi.org/" + i.value();
        }
        return i.scheme() == IdentifierScheme.URL ? i.value() : null;
    }
}
