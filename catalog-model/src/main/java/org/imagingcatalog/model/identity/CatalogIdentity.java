package org.imagingcatalog.model.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.imagingcatalog.model.Resource;

/**
 * Finds the catalog entries a proposal names again: the same identifier in any spelling, or the same address
 * once normalised (an address that links to an identifier, such as a GitHub repository page, matches that
 * identifier too). For the curator's "already in the catalog" warning; built once per catalog state.
 */
public final class CatalogIdentity {

    private final Map<String, List<Known>> byKey = new HashMap<>();

    private record Known(String resourceId, KnownAs as) {
    }

    private CatalogIdentity(Collection<Resource> catalog) {
        for (Resource entry : catalog) {
            for (KnownAs as : IdentityKeys.of(entry)) {
                byKey.computeIfAbsent(as.key(), k -> new ArrayList<>()).add(new Known(entry.id(), as));
            }
        }
    }

    public static CatalogIdentity of(Collection<Resource> catalog) {
        return new CatalogIdentity(catalog);
    }

    /**
     * Each entry, other than the proposal's own id (a correction names its entry), that one of the proposal's
     * address or identifiers names: one match per field and entry, in the proposal's field order.
     */
    public List<IdentityMatch> matches(Resource proposal) {
        List<IdentityMatch> matches = new ArrayList<>();
        for (KnownAs as : IdentityKeys.of(proposal)) {
            for (Known known : byKey.getOrDefault(as.key(), List.of())) {
                boolean seen = matches.stream().anyMatch(m -> m.field().equals(as.field())
                        && m.resourceId().equals(known.resourceId()));
                if (!Objects.equals(known.resourceId(), proposal.id()) && !seen) {
                    matches.add(new IdentityMatch(as.field(), as.value(), known.resourceId(), known.as().field(),
                            known.as().value()));
                }
            }
        }
        return matches;
    }
}
