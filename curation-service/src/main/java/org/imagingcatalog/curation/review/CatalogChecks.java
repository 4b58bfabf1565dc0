package org.imagingcatalog.curation.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.identity.CatalogIdentity;
import org.imagingcatalog.model.identity.IdentityKeys;
import org.imagingcatalog.model.identity.IdentityMatch;
import org.imagingcatalog.model.identity.KnownAs;

/**
 * Automated findings on a proposal, in the contract's {@code checks} shape ({@code code}, {@code severity},
 * {@code message}), each also naming the catalog entry ({@code resourceId}) and the proposal's field it concerns.
 * Now one kind: {@code IDENTIFIER_IN_CATALOG}, a proposal whose address or identifier (in any spelling: a DOI as
 * {@code https://doi.org/10.X/Y} or {@code doi:10.x/y}, a GitHub page or {@code owner/repo}) another entry has.
 */
public final class CatalogChecks {

    public static final String IDENTIFIER_IN_CATALOG = "IDENTIFIER_IN_CATALOG";
    public static final String WARNING = "WARNING";

    /** One finding: {@code field} of the proposal ({@code url}, {@code identifiers[0]}), {@code resourceId} the entry. */
    public record Check(String code, String severity, String message, String resourceId, String field) {
    }

    private CatalogChecks() {
    }

    /**
     * The checks of {@code proposal} against the catalog. For a correction ({@code current} its entry now), only what
     * the correction brings: an address or identifier the entry already had was checked when it came in.
     */
    public static List<Check> of(CatalogIdentity catalog, Resource proposal, Resource current) {
        if (proposal == null) {
            return List.of();
        }
        Set<String> had = current == null ? Set.of()
                : IdentityKeys.of(current).stream().map(KnownAs::value).collect(Collectors.toSet());
        List<Check> checks = new ArrayList<>();
        for (IdentityMatch match : catalog.matches(proposal)) {
            if (!had.contains(match.value())) {
                checks.add(new Check(IDENTIFIER_IN_CATALOG, WARNING, match.message(), match.resourceId(), match.field()));
            }
        }
        return checks;
    }
}
