package org.imagingcatalog.publicweb.catalog;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.imagingcatalog.model.Slugs;
import org.imagingcatalog.model.trust.Dois;
import org.imagingcatalog.model.trust.Identifier;
import org.imagingcatalog.model.trust.Urls;

/**
 * Where a reader follows an identifier or a source outside the catalog: a DOI at {@code https://doi.org/}, an arXiv
 * id at arXiv, a GitHub repository at GitHub, ... Only values in their scheme's normal form get a link; the text of
 * a link is never built from anything else.
 */
public final class Links {

    /** Characters a DOI keeps in a doi.org link; any other is percent-encoded. */
    private static final String DOI_SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/:;()";

    private Links() {
    }

    /** The page of an identifier in its registry; empty for a value that is none of its scheme's spellings. */
    public static Optional<String> of(Identifier identifier) {
        if (identifier == null || !identifier.isValid()) {
            return Optional.empty();
        }
        String v = identifier.value();
        return Optional.of(switch (identifier.scheme()) {
            case DOI -> doi(v);
            case TCIA -> "https://www.cancerimagingarchive.net/collection/" + v + "/";
            case ZENODO -> "https://zenodo.org/records/" + v;
            case KAGGLE -> v.startsWith("c/") ? "https://www.kaggle.com/competitions/" + v.substring(2)
                    : "https://www.kaggle.com/datasets/" + v;
            case GITHUB -> "https://github.com/" + v;
            case HUGGINGFACE -> "https://huggingface.co/" + v;
            case PHYSIONET -> "https://physionet.org/content/" + v + "/";
            case ARXIV -> "https://arxiv.org/abs/" + v;
            case PMID -> "https://pubmed.ncbi.nlm.nih.gov/" + v + "/";
            case URL -> v;
        });
    }

    /**
     * The link of a source outside the catalog as a relation names it: {@code https://doi.org/...} for a DOI, the
     * address itself for an http(s) address; empty for anything else (a catalog id is no outside source).
     */
    public static Optional<String> ofSource(String target) {
        if (target == null) {
            return Optional.empty();
        }
        if (Urls.isHttpUrl(target)) {
            return Optional.of(target);
        }
        if (Slugs.isValid(target)) {
            return Optional.empty();
        }
        return Dois.parse(target).map(Links::doi);
    }

    /** {@code https://doi.org/10.1000/xyz}, the DOI's characters that a URL reserves percent-encoded. */
    public static String doi(String doi) {
        StringBuilder url = new StringBuilder("https://doi.org/");
        for (byte b : doi.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (b >= 0 && DOI_SAFE.indexOf(c) >= 0) {
                url.append(c);
            } else {
                url.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return url.toString();
    }
}
