package org.imagingcatalog.curation.linkhealth;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.imagingcatalog.curation.review.CatalogChecks;
import org.imagingcatalog.curation.review.CatalogChecks.Check;
import org.imagingcatalog.curation.review.ReviewItem;
import org.imagingcatalog.model.events.LinkStatus;

import jakarta.enterprise.context.ApplicationScoped;

/** The {@code URL_UNREACHABLE} finding of an undecided proposal whose address did not answer its one check. */
@ApplicationScoped
public class ProposalLinkFindings {

    public static final String URL_UNREACHABLE = "URL_UNREACHABLE";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final LinkHealthStore store;

    public ProposalLinkFindings(LinkHealthStore store) {
        this.store = store;
    }

    /** {@code checks} with the item's unreachable-address finding added, if it has one. */
    public List<Check> with(ReviewItem item, List<Check> checks) {
        if (!item.isOpen() && !item.isRevising()) {
            return checks;
        }
        return store.proposalLink(item.submissionId, item.revision).filter(link -> link.status() == LinkStatus.BROKEN)
                .map(link -> {
                    List<Check> all = new ArrayList<>(checks);
                    all.add(new Check(URL_UNREACHABLE, CatalogChecks.WARNING, "The address " + link.url()
                            + " could not be reached when the proposal came in (" + TIME.format(link.checkedAt()) + "): "
                            + link.detail() + ".", null, "url"));
                    return (List<Check>) all;
                }).orElse(checks);
    }
}
