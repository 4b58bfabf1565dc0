package org.imagingcatalog.curation.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.imagingcatalog.curation.review.DuplicateFinder.Duplicate;
import org.imagingcatalog.kit.licences.SpdxLicences;
import org.imagingcatalog.kit.licences.SpdxLicences.SpdxLicence;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.checks.Consistency;
import org.imagingcatalog.model.checks.Consistency.Finding;
import org.imagingcatalog.model.identity.CatalogIdentity;
import org.imagingcatalog.model.identity.IdentityKeys;
import org.imagingcatalog.model.identity.IdentityMatch;
import org.imagingcatalog.model.identity.KnownAs;

/**
 * Automated findings on a proposal, in the contract's {@code checks} shape ({@code code}, {@code severity},
 * {@code message}), each also naming the catalog entry ({@code resourceId}) and the proposal's field it concerns.
 * {@code IDENTIFIER_IN_CATALOG}: a proposal whose address or identifier (in any spelling: a DOI as
 * {@code https://doi.org/10.X/Y} or {@code doi:10.x/y}, a GitHub page or {@code owner/repo}) another entry has;
 * {@code COUNTS_CONTRADICT} and {@code FLAG_CONTRADICTS_DESCRIPTION}: what the proposal says against itself
 * (catalog-model's {@link Consistency}), without an entry; {@code LICENCE_NOT_SPDX}: a licence stated otherwise than
 * as an SPDX id or expression (INFO when it spells a listed licence, naming its id; WARNING when it names none);
 * {@code LIKELY_DUPLICATE}: an entry whose name is very like the proposal's ({@link DuplicateFinder}).
 */
public final class CatalogChecks {

    public static final String IDENTIFIER_IN_CATALOG = "IDENTIFIER_IN_CATALOG";
    public static final String LICENCE_NOT_SPDX = "LICENCE_NOT_SPDX";
    public static final String LIKELY_DUPLICATE = "LIKELY_DUPLICATE";
    public static final String WARNING = "WARNING";
    public static final String INFO = "INFO";

    /**
     * One finding: {@code field} of the proposal ({@code url}, {@code identifiers[0]}), {@code resourceId} the entry
     * it matches (null for a finding about the proposal alone).
     */
    public record Check(String code, String severity, String message, String resourceId, String field) {

        public boolean inCatalog() {
            return resourceId != null;
        }
    }

    private CatalogChecks() {
    }

    /**
     * The checks of {@code proposal} against the catalog, with the {@code duplicates} the {@link DuplicateFinder} found
     * for it. For a correction ({@code current} its entry now), only what the correction brings: an address,
     * identifier, name or licence the entry already had was checked when it came in.
     */
    public static List<Check> of(CatalogIdentity catalog, Resource proposal, Resource current, List<Duplicate> duplicates) {
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
        // a correction answers for what it changes: a contradiction the entry already had is not its doing
        Set<Finding> before = current == null ? Set.of() : Set.copyOf(Consistency.of(current));
        for (Finding finding : Consistency.of(proposal)) {
            if (!before.contains(finding)) {
                String severity = Consistency.COUNTS_CONTRADICT.equals(finding.code()) ? WARNING : INFO;
                checks.add(new Check(finding.code(), severity, finding.message(), null, finding.field()));
            }
        }
        if (current == null || !Objects.equals(proposal.license(), current.license())) {
            licence(proposal.license()).ifPresent(checks::add);
        }
        if (current == null || !Objects.equals(proposal.name(), current.name())) {
            for (Duplicate duplicate : duplicates) {
                if (duplicate.byName()) {
                    checks.add(new Check(LIKELY_DUPLICATE, WARNING, "The name \"" + proposal.name() + "\" is "
                            + duplicate.nameSimilarity() + "% like that of " + duplicate.resourceId() + ", \""
                            + duplicate.name() + "\": it may be the same data set.", duplicate.resourceId(), "name"));
                }
            }
        }
        return checks;
    }

    /** {@code LICENCE_NOT_SPDX} for a stated licence that is no SPDX id or expression; none for an absent one. */
    private static Optional<Check> licence(String stated) {
        if (stated == null || stated.isBlank()) {
            return Optional.empty();
        }
        SpdxLicence spdx = SpdxLicences.of(stated);
        if (spdx == null) {
            return Optional.of(new Check(LICENCE_NOT_SPDX, WARNING, "The licence \"" + stated + "\" is no SPDX id"
                    + " or expression, and no licence of the SPDX licence list is written so: ask for its SPDX id (or a"
                    + " LicenseRef- for a licence the list does not have).", null, "license"));
        }
        if (!spdx.stated()) {
            return Optional.of(new Check(LICENCE_NOT_SPDX, INFO, "The licence \"" + stated + "\" is not written as"
                    + " an SPDX id: the SPDX licence list has it as " + spdx.spdx() + " (" + spdx.name() + ").", null,
                    "license"));
        }
        return Optional.empty();
    }
}
