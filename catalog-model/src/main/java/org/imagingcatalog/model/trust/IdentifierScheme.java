package org.imagingcatalog.model.trust;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.imagingcatalog.model.Text;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The registries whose identifiers a resource may carry, and the sites whose links name such an identifier. */
public enum IdentifierScheme {
    DOI("doi", "a DOI such as 10.5281/zenodo.3757476", Dois::parse, Set.of("doi.org", "dx.doi.org")),
    TCIA("tcia", "a TCIA collection name such as COVID-19-AR", IdentifierValues::tcia,
            Set.of("cancerimagingarchive.net")),
    ZENODO("zenodo", "a Zenodo record number such as 3757476", IdentifierValues::zenodo, Set.of("zenodo.org")),
    KAGGLE("kaggle", "a Kaggle dataset owner/name or competition c/name", IdentifierValues::kaggle,
            Set.of("kaggle.com")),
    GITHUB("github", "a GitHub repository owner/name", IdentifierValues::github, Set.of("github.com")),
    HUGGINGFACE("huggingface", "a Hugging Face repository owner/name or datasets/owner/name",
            IdentifierValues::huggingface, Set.of("huggingface.co")),
    PHYSIONET("physionet", "a PhysioNet project name such as mimic-cxr", IdentifierValues::physionet,
            Set.of("physionet.org")),
    ARXIV("arxiv", "an arXiv id such as 2004.04569", IdentifierValues::arxiv, Set.of("arxiv.org", "export.arxiv.org")),
    PMID("pmid", "a PubMed id such as 32247484", IdentifierValues::pmid,
            Set.of("pubmed.ncbi.nlm.nih.gov", "ncbi.nlm.nih.gov")),
    URL("url", "an absolute http:// or https:// address", Urls::clean, Set.of());

    private final String key;
    private final String rule;
    private final Function<String, Optional<String>> normaliser;
    private final Set<String> sites;

    IdentifierScheme(String key, String rule, Function<String, Optional<String>> normaliser, Set<String> sites) {
        this.key = key;
        this.rule = rule;
        this.normaliser = normaliser;
        this.sites = sites;
    }

    @JsonValue
    public String key() {
        return key;
    }

    /** What a value must be, e.g. "a DOI such as 10.5281/zenodo.3757476". */
    public String rule() {
        return rule;
    }

    /** The value's normal form in this scheme, or empty if it is none of its spellings. */
    public Optional<String> normalised(String raw) {
        return raw == null || raw.isBlank() ? Optional.empty() : normaliser.apply(raw.strip());
    }

    /** Whether a link to {@code site} (lower case, without {@code www.}) may name an identifier of this scheme. */
    boolean hosts(String site) {
        return sites.contains(site);
    }

    @JsonCreator
    public static IdentifierScheme parse(String raw) {
        String wanted = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.key.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "must be one of " + choices() + ", not \"" + Text.shorten(raw == null ? "" : raw) + "\""));
    }

    /** "doi, tcia, ..., url". */
    public static String choices() {
        return Arrays.stream(values()).map(IdentifierScheme::key).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return key;
    }
}
