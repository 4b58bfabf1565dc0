package org.imagingcatalog.model.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.Slugs;
import org.imagingcatalog.model.trust.Dois;
import org.imagingcatalog.model.trust.Identifier;
import org.imagingcatalog.model.trust.IdentifierScheme;
import org.imagingcatalog.model.trust.Urls;

/**
 * The keys by which the catalog recognises a resource however it is written: one key per identifier,
 * the same for all its spellings and for a link to it ({@code https://github.com/Owner/Repo/tree/main} and
 * {@code github Owner/Repo} are both {@code github:owner/repo}; Zenodo's DOI {@code 10.5281/zenodo.N} is
 * the record {@code zenodo:N}, arXiv's DOI the arXiv id); any other address by its {@link Urls#key URL key}.
 */
public final class IdentityKeys {

    private static final String ZENODO_DOI = "10.5281/zenodo.";
    private static final String ARXIV_DOI = "10.48550/arxiv.";

    private IdentityKeys() {
    }

    /** The identifier's key, e.g. {@code doi:10.1002/mp.14676}; empty if its value is none of its scheme's spellings. */
    public static Optional<String> of(Identifier identifier) {
        if (!identifier.isValid()) {
            return Optional.empty();
        }
        String value = identifier.value();
        return switch (identifier.scheme()) {
            case URL -> ofUrl(value);
            case DOI -> value.startsWith(ZENODO_DOI) ? key(IdentifierScheme.ZENODO, value)
                    : value.startsWith(ARXIV_DOI) ? key(IdentifierScheme.ARXIV, value)
                    : key(IdentifierScheme.DOI, value);
            default -> key(identifier.scheme(), value);
        };
    }

    /** The key of a web address: the identifier it links to where it links to one, else the address itself. */
    public static Optional<String> ofUrl(String url) {
        return Identifier.fromUrl(url).flatMap(IdentityKeys::of).or(() -> Urls.key(url).map(k -> "url:" + k));
    }

    /** The key of a relation's target: {@code id:<slug>} for a catalog id, else the DOI's or the address's key. */
    public static Optional<String> ofTarget(String target) {
        if (target == null) {
            return Optional.empty();
        }
        if (Slugs.isValid(target)) {
            return Optional.of(ofId(target));
        }
        return Dois.parse(target).flatMap(doi -> of(new Identifier(IdentifierScheme.DOI, doi))).or(() -> ofUrl(target));
    }

    public static String ofId(String id) {
        return "id:" + id;
    }

    /** The ways a resource is known besides its id: its address and each identifier. */
    public static List<KnownAs> of(Resource resource) {
        List<KnownAs> known = new ArrayList<>();
        ofUrl(resource.url()).ifPresent(key -> known.add(new KnownAs(key, "url", resource.url())));
        for (int i = 0; i < resource.identifiers().size(); i++) {
            Identifier identifier = resource.identifiers().get(i);
            String field = "identifiers[" + i + "]";
            of(identifier).ifPresent(key -> known.add(new KnownAs(key, field, identifier.toString())));
        }
        return known;
    }

    private static Optional<String> key(IdentifierScheme scheme, String value) {
        return scheme.normalised(value).map(v -> scheme.key() + ":" + v);
    }
}
