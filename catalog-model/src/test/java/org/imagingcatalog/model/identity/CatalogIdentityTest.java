package org.imagingcatalog.model.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.imagingcatalog.model.TrustSamples.bare;
import static org.imagingcatalog.model.TrustSamples.withIdentifiers;

import java.util.List;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.seed.SeedCatalog;
import org.imagingcatalog.model.seed.SeedEntry;
import org.imagingcatalog.model.trust.Identifier;
import org.imagingcatalog.model.trust.IdentifierScheme;
import org.junit.jupiter.api.Test;

class CatalogIdentityTest {

    private static final CatalogIdentity SEED = CatalogIdentity.of(SeedCatalog.load().stream().map(SeedEntry::resource).toList());

    @Test
    void aProposalWithAnIdentifierOfTheCatalogIsFlaggedWithTheEntryItMatches() {
        Resource proposal = withIdentifiers(null, "https://example.org/new-copy",
                new Identifier(IdentifierScheme.ARXIV, "arXiv:2004.12537v1"),
                new Identifier(IdentifierScheme.DOI, "https://doi.org/10.1002/MP.14676"));
        List<IdentityMatch> matches = SEED.matches(proposal);
        assertThat(matches).containsExactly(
                new IdentityMatch("identifiers[0]", "arxiv 2004.12537", "covid-19-ct-lung-infection-segmentation",
                        "identifiers[1]", "arxiv 2004.12537"),
                new IdentityMatch("identifiers[1]", "doi 10.1002/mp.14676", "covid-19-ct-lung-infection-segmentation",
                        "identifiers[2]", "doi 10.1002/mp.14676"));
        assertThat(matches.get(1).message()).isEqualTo("identifiers[1] doi 10.1002/mp.14676 is already in the catalog:"
                + " covid-19-ct-lung-infection-segmentation has it as identifiers[2] doi 10.1002/mp.14676");
    }

    @Test
    void aProposalWhoseAddressIsTheCatalogsInAnotherSpellingIsFlagged() {
        assertThat(SEED.matches(bare(null, "http://WWW.Eurorad.org")))
                .extracting(IdentityMatch::field, IdentityMatch::resourceId, IdentityMatch::entryField)
                .containsExactly(tuple("url", "eurorad", "url"));
        assertThat(SEED.matches(bare(null, "https://github.com/ieee8023/Covid-ChestXray-Dataset/blob/master/README.md")))
                .extracting(IdentityMatch::resourceId).containsExactly("covid-chestxray-dataset");
    }

    @Test
    void anAddressThatLinksToAnIdentifierMatchesThatIdentifier() {
        assertThat(SEED.matches(bare(null, "https://zenodo.org/records/3731937")))
                .extracting(IdentityMatch::resourceId, IdentityMatch::entryField)
                .containsExactly(tuple("cord-19", "identifiers[2]"));
        assertThat(SEED.matches(bare(null, "https://arxiv.org/abs/2003.11597")))
                .extracting(IdentityMatch::resourceId).containsExactly("covid-chestxray-dataset");
    }

    @Test
    void aCorrectionIsNotADuplicateOfItsOwnEntryAndNewDataMatchesNothing() {
        Resource cohen = SeedCatalog.load().get(5).resource();
        assertThat(cohen.id()).isEqualTo("covid-chestxray-dataset");
        assertThat(SEED.matches(cohen)).isEmpty();
        assertThat(SEED.matches(cohen.withId(null))).extracting(IdentityMatch::field)
                .containsExactly("url", "identifiers[0]", "identifiers[1]", "identifiers[2]");
        assertThat(SEED.matches(withIdentifiers(null, "https://example.org/fresh",
                new Identifier(IdentifierScheme.DOI, "10.1234/fresh")))).isEmpty();
    }

    @Test
    void everyEntryThatSharesTheKeyIsNamed() {
        CatalogIdentity twice = CatalogIdentity.of(List.of(bare("first-copy", "https://example.org/data"),
                bare("second-copy", "https://example.org/data/")));
        assertThat(twice.matches(bare(null, "http://www.example.org/data"))).extracting(IdentityMatch::resourceId)
                .containsExactly("first-copy", "second-copy");
    }
}
