package org.imagingcatalog.model.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.imagingcatalog.model.events.EventJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifierTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"10.5281/zenodo.3757476", "10.5281/ZENODO.3757476", "doi:10.5281/zenodo.3757476",
            "DOI: 10.5281/zenodo.3757476", "DOI 10.5281/zenodo.3757476", "https://doi.org/10.5281/zenodo.3757476",
            "http://dx.doi.org/10.5281/zenodo.3757476", "https://www.doi.org/10.5281/zenodo.3757476",
            "doi.org/10.5281/zenodo.3757476", "https://doi.org/10.5281%2Fzenodo.3757476", "10.5281%2Fzenodo.3757476",
            "info:doi/10.5281/zenodo.3757476", "urn:doi:10.5281/zenodo.3757476", "  10.5281/zenodo.3757476  "})
    void aDoiInAnyOfItsSpellingsIsOneDoi(String spelling) {
        assertThat(new Identifier(IdentifierScheme.DOI, spelling))
                .isEqualTo(new Identifier(IdentifierScheme.DOI, "10.5281/zenodo.3757476"));
        assertThat(new Identifier(IdentifierScheme.DOI, spelling).value()).isEqualTo("10.5281/zenodo.3757476");
    }

    @ParameterizedTest
    @ValueSource(strings = {"per-case", "10.5281", "11.1234/abc", "10.12/abc", "doi:", "https://example.org/10.1234/abc",
            "10.1234/with space"})
    void textThatIsNoDoiIsRefusedAndKeptAsGiven(String text) {
        Identifier identifier = new Identifier(IdentifierScheme.DOI, text);
        assertThat(identifier.isValid()).isFalse();
        assertThat(identifier.value()).isEqualTo(text.trim());
        assertThat(Dois.parse(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = ' ', value = {
            "arxiv 2004.04569 2004.04569",
            "arxiv arXiv:2004.04569v2 2004.04569",                             // prefix and version dropped
            "arxiv ARXIV:2004.04569 2004.04569",
            "arxiv https://arxiv.org/abs/2004.04569v2 2004.04569",
            "arxiv https://arxiv.org/pdf/2004.04569v1.pdf 2004.04569",
            "arxiv 10.48550/arXiv.2004.04569 2004.04569",                        // arXiv's own DOI
            "arxiv 2004.0456 2004.0456",                                         // 4-digit numbers before 2015
            "arxiv hep-th/9901001v3 hep-th/9901001",                             // identifiers before 2007
            "github ieee8023/covid-chestxray-dataset ieee8023/covid-chestxray-dataset",
            "github UCSD-AI4H/COVID-CT ucsd-ai4h/covid-ct",                      // lower case
            "github https://github.com/UCSD-AI4H/COVID-CT ucsd-ai4h/covid-ct",
            "github https://www.github.com/ml-workgroup/covid-19-image-repository/tree/master/png ml-workgroup/covid-19-image-repository",
            "github git@github.com:jannisborn/covid19_ultrasound.git jannisborn/covid19_ultrasound",
            "github https://github.com/a/b.git?tab=readme#top a/b",
            "kaggle tawsifurrahman/covid19-radiography-database tawsifurrahman/covid19-radiography-database",
            "kaggle https://www.kaggle.com/tawsifurrahman/covid19-radiography-database tawsifurrahman/covid19-radiography-database",
            "kaggle https://www.kaggle.com/datasets/Paultimothymooney/chest-xray-pneumonia/data paultimothymooney/chest-xray-pneumonia",
            "kaggle https://www.kaggle.com/c/rsna-pneumonia-detection-challenge c/rsna-pneumonia-detection-challenge",
            "kaggle https://www.kaggle.com/competitions/rsna-pneumonia-detection-challenge/data c/rsna-pneumonia-detection-challenge",
            "zenodo 3757476 3757476",
            "zenodo https://zenodo.org/record/3757476 3757476",
            "zenodo https://zenodo.org/records/3757476/files/x.zip 3757476",
            "zenodo 10.5281/zenodo.3757476 3757476",
            "huggingface https://huggingface.co/datasets/Owner/Name/tree/main datasets/owner/name",
            "huggingface spaces/dgrant6/clinical-demo spaces/dgrant6/clinical-demo",
            "huggingface microsoft/rad-dino microsoft/rad-dino",
            "physionet https://physionet.org/content/mimic-cxr/2.0.0/ mimic-cxr",   // the release dropped
            "physionet MIMIC-CXR mimic-cxr",
            "pmid 32247484 32247484",
            "pmid PMID:32247484 32247484",
            "pmid https://pubmed.ncbi.nlm.nih.gov/32247484/ 32247484",
            "tcia COVID-19-AR covid-19-ar",
            "tcia https://www.cancerimagingarchive.net/collection/covid-19-ar/ covid-19-ar",
            "url HTTPS://Example.ORG:443/data#files https://example.org/data"
    })
    void eachSchemeHasOneNormalForm(String scheme, String raw, String normal) {
        Identifier identifier = new Identifier(IdentifierScheme.parse(scheme), raw);
        assertThat(identifier.isValid()).isTrue();
        assertThat(identifier.value()).isEqualTo(normal);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = ' ', value = {
            "arxiv 2004", "arxiv https://arxiv.org/list/cs.CV/recent", "github ieee8023", "github a/b/c",
            "github https://github.com/allenai", "kaggle just-a-name", "kaggle https://www.kaggle.com/code/x/y",
            "zenodo record-12", "huggingface https://huggingface.co/docs/hub", "pmid PMC7138155",
            "tcia a/b", "url example.org", "url ftp://example.org"})
    void valuesOfTheWrongShapeAreRefused(String scheme, String raw) {
        assertThat(new Identifier(IdentifierScheme.parse(scheme), raw).isValid()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ' ', value = {
            "https://github.com/UCSD-AI4H/COVID-CT/blob/master/README.md github ucsd-ai4h/covid-ct",
            "https://doi.org/10.1002/MP.14676 doi 10.1002/mp.14676",
            "https://www.kaggle.com/c/rsna-pneumonia-detection-challenge kaggle c/rsna-pneumonia-detection-challenge",
            "https://zenodo.org/record/3757476 zenodo 3757476",
            "https://arxiv.org/abs/2003.11597 arxiv 2003.11597",
            "https://pubmed.ncbi.nlm.nih.gov/32247484 pmid 32247484"})
    void aLinkToARegistryNamesItsIdentifier(String url, String scheme, String value) {
        assertThat(Identifier.fromUrl(url)).contains(new Identifier(IdentifierScheme.parse(scheme), value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://radiopaedia.org/", "https://github.com/allenai", "https://www.kaggle.com/code/a/b",
            "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC7138155", "not a link"})
    void otherLinksNameNoIdentifier(String url) {
        assertThat(Identifier.fromUrl(url)).isEmpty();
    }

    @Test
    void schemesAreReadInAnyCaseAndWrittenInLowerCase() throws Exception {
        assertThat(IdentifierScheme.parse("DOI")).isEqualTo(IdentifierScheme.DOI);
        assertThat(EventJson.mapper().writeValueAsString(new Identifier(IdentifierScheme.HUGGINGFACE, "a/b")))
                .isEqualTo("{\"scheme\":\"huggingface\",\"value\":\"a/b\"}");
        assertThatThrownBy(() -> IdentifierScheme.parse("isbn")).hasMessage(
                "must be one of doi, tcia, zenodo, kaggle, github, huggingface, physionet, arxiv, pmid, url, not \"isbn\"");
    }
}
