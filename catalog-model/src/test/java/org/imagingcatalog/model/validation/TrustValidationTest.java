package org.imagingcatalog.model.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.TrustSamples;
import org.imagingcatalog.model.trust.Population;
import org.imagingcatalog.model.trust.Risk;
import org.imagingcatalog.model.trust.TrustFields;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class TrustValidationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "'id': 'covidx-cxr', 'name': 'n', 'url': 'https://x.org', ";

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    private static Map<String, String> errorsOf(String trustMembers) throws Exception {
        return asMap(ResourceValidator.readAndValidate(json("{" + BASE + trustMembers + "}"), true).errors());
    }

    private static Map<String, String> asMap(List<FieldError> errors) {
        return errors.stream().collect(Collectors.toMap(FieldError::field, FieldError::message));
    }

    @Test
    void everyTrustFieldReadsFromTheContractsJson() throws Exception {
        Validated<Resource> read = ResourceValidator.readAndValidate(json("{" + BASE + """
                'relations': [{'type': 'IsDerivedFrom', 'target': 'covid-chestxray-dataset', 'note': 'COVID-19 positives'},
                              {'type': 'isderivedfrom', 'target': 'https://www.kaggle.com/c/rsna-pneumonia-detection-challenge', 'note': 'controls'}],
                'identifiers': [{'scheme': 'doi', 'value': 'https://doi.org/10.7937/91AH-V663'}, {'scheme': 'GitHub', 'value': 'lindawangg/COVID-Net'}],
                'referenceStandard': 'RT_PCR', 'population': 'ADULT', 'imageSource': 'HOSPITAL_DICOM',
                'riskOfBias': {
                  'participants':      {'risk': 'HIGH', 'reason': 'paediatric pneumonia images as controls'},
                  'referenceStandard': {'risk': 'UNCLEAR', 'reason': 'labels from figure captions'},
                  'images':            {'risk': 'HIGH', 'reason': 'images copied from publications'},
                  'composition':       {'risk': 'high', 'reason': 'combines sources that share patients'}},
                'provenance': {'counts.patients': {'source': 'https://example.org/paper', 'verifiedOn': '2026-12-01', 'verifiedBy': 'curator'},
                               'relations[0]': {'source': 'https://example.org/readme', 'verifiedOn': '2026-12-02'}}}"""), true);
        assertThat(read.errors()).isEmpty();
        assertThat(TrustFields.of(read.value())).isEqualTo(TrustSamples.everyTrustField());
    }

    @Test
    void unknownRelationTypesAndTargetsThatAreNoIdUrlOrDoiAreNamed() throws Exception {
        Map<String, String> errors = errorsOf("""
                'relations': [{'type': 'TookImagesFrom', 'target': 'covid-ct'},
                              {'type': 'IsDerivedFrom', 'target': 'the SIRM site'},
                              {'type': 'IsDerivedFrom', 'target': 'doi:per-case'},
                              {'type': 'IsDerivedFrom', 'target': 'ftp://example.org/data'},
                              {'type': 'IsDerivedFrom'},
                              {'type': 'IsDerivedFrom', 'target': 'covidx-cxr'},
                              {'target': 'covid-ct', 'colour': 'red'},
                              'covid-ct']""");
        assertThat(errors).containsOnlyKeys("relations[0].type", "relations[1].target", "relations[2].target",
                "relations[3].target", "relations[4].target", "relations[5].target", "relations[6].colour",
                "relations[6].type", "relations[7]");
        assertThat(errors.get("relations[0].type"))
                .isEqualTo("must be a DataCite relation type such as IsDerivedFrom, IsPartOf or IsIdenticalTo, not \"TookImagesFrom\"");
        assertThat(errors.get("relations[1].target")).isEqualTo("must be a catalog id such as covid-ct, an absolute"
                + " http:// or https:// address, or a DOI such as 10.5281/zenodo.3757476, not \"the SIRM site\"");
        assertThat(errors.get("relations[5].target")).isEqualTo("must be another entry than this one");
        assertThat(errors.get("relations[7]")).isEqualTo("must be an object with type, target and note");
    }

    @Test
    void aDoiThatIsNoneIsNamedByItsIndex() throws Exception {
        Map<String, String> errors = errorsOf("'identifiers': [{'scheme': 'arxiv', 'value': '2004.04569'},"
                + " {'scheme': 'doi', 'value': 'per-case'}, {'scheme': 'isbn', 'value': '123'}, {'scheme': 'github'}]");
        assertThat(errors).containsExactlyInAnyOrderEntriesOf(Map.of(
                "identifiers[1].value", "must be a DOI such as 10.5281/zenodo.3757476, not \"per-case\"",
                "identifiers[2].scheme",
                "must be one of doi, tcia, zenodo, kaggle, github, huggingface, physionet, arxiv, pmid, url, not \"isbn\"",
                "identifiers[3].value", "is required: a GitHub repository owner/name"));
    }

    @Test
    void oneIdentifierInTwoSpellingsIsARepeat() throws Exception {
        assertThat(errorsOf("'identifiers': [{'scheme': 'doi', 'value': '10.5281/zenodo.3757476'},"
                + " {'scheme': 'doi', 'value': 'https://doi.org/10.5281/ZENODO.3757476'},"
                + " {'scheme': 'zenodo', 'value': '3757476'}]"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("identifiers[1]", "repeats identifiers[0]",
                        "identifiers[2]", "repeats identifiers[0]"));
        assertThat(errorsOf("'relations': [{'type': 'IsDerivedFrom', 'target': 'https://github.com/a/b'},"
                + " {'type': 'IsDerivedFrom', 'target': 'https://www.github.com/A/B/'},"
                + " {'type': 'IsPartOf', 'target': 'https://github.com/a/b'}]"))
                .containsExactly(Map.entry("relations[1]", "repeats relations[0]"));
    }

    @Test
    void unknownVocabularyValuesAreRefused() throws Exception {
        assertThat(errorsOf("'referenceStandard': 'PCR', 'population': 'children', 'imageSource': 7,"
                + " 'riskOfBias': {'participants': {'risk': 'MEDIUM', 'reason': 'r'}, 'spectrum': {'risk': 'LOW'}}"))
                .containsOnlyKeys("referenceStandard", "population", "imageSource", "riskOfBias.participants.risk",
                        "riskOfBias.spectrum");
    }

    @Test
    void aRiskNeedsItsReasonAndAReasonItsRisk() throws Exception {
        assertThat(errorsOf("'riskOfBias': {'participants': {'risk': 'HIGH'}, 'images': {'reason': 'JPEG from papers'},"
                + " 'composition': {'risk': 'LOW', 'reason': '  '}, 'referenceStandard': null}"))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "riskOfBias.participants.reason", "is required: the stated fact that settles the risk",
                        "riskOfBias.images.risk", "is required: LOW, HIGH or UNCLEAR",
                        "riskOfBias.composition.reason", "is required: the stated fact that settles the risk"));
    }

    @Test
    void provenanceNeedsAFieldASourceAddressAndADate() throws Exception {
        assertThat(errorsOf("""
                'provenance': {'counts.patients': {'source': 'https://x.org', 'verifiedOn': 'yesterday'},
                               'counts.images': {'source': 'a paper', 'verifiedOn': '2026-02-30'},
                               'colour': {'source': 'https://x.org', 'verifiedOn': '2026-12-03'},
                               'provenance.name': {'source': 'https://x.org', 'verifiedOn': '2026-12-03'},
                               'name': {'verifiedOn': '2026-12-03', 'by': 'me'},
                               'url': 'https://x.org'}"""))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "provenance.counts.patients.verifiedOn", "must be a date such as 2026-12-03",
                        "provenance.counts.images.verifiedOn", "must be a date such as 2026-12-03",
                        "provenance.counts.images.source", "must be an absolute http:// or https:// address",
                        "provenance.colour", "must name a field of the resource, e.g. counts.patients or relations[0]",
                        "provenance.provenance.name", "must name a field of the resource, e.g. counts.patients or relations[0]",
                        "provenance.name.by", "unknown field (source, verifiedOn and verifiedBy)",
                        "provenance.name.source", "is required: the address the value was verified at",
                        "provenance.url", "must be an object with source, verifiedOn and verifiedBy"));
    }

    @Test
    void tooManyItemsAreRefused() throws Exception {
        String relations = "{'type': 'IsDerivedFrom', 'target': 'https://x.org/%d'}";
        String identifiers = "{'scheme': 'pmid', 'value': '%d'}";
        Map<String, String> errors = errorsOf("'relations': [" + repeat(relations, 51) + "], 'identifiers': ["
                + repeat(identifiers, 21) + "]");
        assertThat(errors).containsExactlyInAnyOrderEntriesOf(Map.of("relations", "must have at most 50 items",
                "identifiers", "must have at most 20 items"));
    }

    private static String repeat(String template, int times) {
        return IntStream.range(0, times).mapToObj(i -> template.formatted(i)).collect(Collectors.joining(", "));
    }

    @Test
    void trustFieldsOfTheWrongShapeAreNamedNotThrown() throws Exception {
        assertThat(errorsOf("'relations': 'covid-ct', 'identifiers': {'doi': '10.1/x'}, 'riskOfBias': 'HIGH',"
                + " 'provenance': ['https://x.org']"))
                .containsOnlyKeys("relations", "identifiers", "riskOfBias", "provenance");
    }

    @Test
    void formsCarryTheTrustFieldsAsSingleFieldsAndRepeatedRows() {
        Map<String, List<String>> form = new HashMap<>(Map.of(
                "name", List.of("n"), "url", List.of("https://x.org"),
                "population", List.of("adult"), "rob.participants", List.of("HIGH"),
                "rob.participants.reason", List.of("paediatric controls"),
                "relation.type", List.of("IsDerivedFrom", "is part of", ""),
                "relation.target", List.of("covid-ct", "https://example.org/big", ""),
                "relation.note", List.of("positives", "", ""),
                "identifier.scheme", List.of("doi"), "identifier.value", List.of("DOI 10.1234/ABC")));
        Validated<Resource> read = ResourceValidator.readAndValidateForm(form, false);
        assertThat(read.errors()).isEmpty();
        Resource r = read.value();
        assertThat(r.population()).isEqualTo(Population.ADULT);
        assertThat(r.riskOfBias().participants().risk()).isEqualTo(Risk.HIGH);
        assertThat(r.relations()).extracting(rel -> rel.type().dataCite() + " " + rel.target())
                .containsExactly("IsDerivedFrom covid-ct", "IsPartOf https://example.org/big");
        assertThat(r.identifiers()).extracting(i -> i.scheme() + " " + i.value()).containsExactly("doi 10.1234/abc");
    }

    @Test
    void formErrorsNameTheModelsFields() {
        Map<String, List<String>> form = Map.of("name", List.of("n"), "url", List.of("https://x.org"),
                "rob.images.reason", List.of("photographed off monitors"),
                "relation.type", List.of("IsDerivedFrom", "Borrows"), "relation.target", List.of("Not an id", "covid-ct"),
                "identifier.scheme", List.of("doi"), "identifier.value", List.of("per-case"),
                "provenance.field", List.of("population"), "provenance.source", List.of("https://x.org"),
                "provenance.verifiedOn", List.of("3 December"));
        assertThat(asMap(ResourceValidator.readAndValidateForm(form, false).errors())).containsOnlyKeys(
                "riskOfBias.images.risk", "relations[0].target", "relations[1].type", "identifiers[0].value",
                "provenance.population.verifiedOn");
    }

    @Test
    void theSingleTrustFieldsArePartOfTheFlatForm() {
        Map<String, String> form = ResourceReader.toForm(TrustSamples.trusted());
        assertThat(form).containsEntry("referenceStandard", "RT_PCR").containsEntry("population", "ADULT")
                .containsEntry("imageSource", "HOSPITAL_DICOM").containsEntry("rob.participants", "HIGH")
                .containsEntry("rob.participants.reason", "paediatric pneumonia images as controls");
        assertThat(ResourceReader.toFormValues(TrustSamples.trusted())).containsEntry("identifier.scheme",
                List.of("doi", "github")).containsEntry("provenance.field", List.of("counts.patients", "relations[0]"));
        assertThat(TrustForm.FIELDS).contains("rob.composition.reason", "relation.note", "provenance.verifiedBy");
    }

    @Test
    void aTrustedResourceSurvivesTheFormRoundTrip() {
        Resource trusted = TrustSamples.trusted();
        assertThat(ResourceReader.fromForm(ResourceReader.toFormValues(trusted)).value()).isEqualTo(trusted);
    }

    @Test
    void aFormWithoutTheTrustFieldsKeepsThoseOfTheEntryItEdits() {
        Resource current = TrustSamples.trusted();
        Map<String, List<String>> oldForm = new HashMap<>();
        ResourceReader.toForm(current).forEach((name, value) -> {
            if (!TrustForm.FIELDS.contains(name)) {
                oldForm.put(name, List.of(value));
            }
        });
        oldForm.put("name", List.of("Renamed"));
        Resource edited = ResourceReader.fromForm(oldForm, current).value();
        assertThat(edited.name()).isEqualTo("Renamed");
        assertThat(TrustFields.of(edited)).isEqualTo(TrustFields.of(current));
        assertThat(TrustFields.of(ResourceReader.fromForm(oldForm).value()).isEmpty()).isTrue();

        oldForm.put("relation.type", List.of(""));
        oldForm.put("relation.target", List.of(""));
        assertThat(ResourceReader.fromForm(oldForm, current).value().relations()).as("a form that shows the rows clears them")
                .isEmpty();
    }
}
