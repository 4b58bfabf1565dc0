package org.imagingcatalog.model.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.imagingcatalog.model.Availability;
import org.imagingcatalog.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ResourceValidationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    private static Map<String, String> errorsOf(String body) throws Exception {
        return asMap(ResourceValidator.readAndValidate(json(body), true).errors());
    }

    private static Map<String, String> asMap(List<FieldError> errors) {
        return errors.stream().collect(java.util.stream.Collectors.toMap(FieldError::field, FieldError::message));
    }

    @Test
    void aCompleteResourceIsValid() throws Exception {
        Validated<Resource> result = ResourceValidator.readAndValidate(json("""
                {'id': 'covid-ct', 'name': 'COVID-CT', 'url': 'https://github.com/UCSD-AI4H/COVID-CT',
                 'modalities': {'ct': 'Y', 'xray': 'N', 'mri': 'N', 'ultrasound': 'n'},
                 'metadata': 'y', 'caseReview': 'U', 'access': 'open', 'tags': ['covid-19', 'chest'],
                 'counts': {'patients': 216, 'images': null}}"""), true);
        assertThat(result.errors()).isEmpty();
        assertThat(result.value().modalities().ultrasound()).isEqualTo(Availability.N);
        assertThat(result.value().counts().patients()).isEqualTo(216L);
    }

    @Test
    void aMissingNameIsRequired() throws Exception {
        assertThat(errorsOf("{'id': 'abc', 'url': 'https://x.org'}")).containsEntry("name", "is required");
        assertThat(errorsOf("{'id': 'abc', 'name': '   ', 'url': 'https://x.org'}")).containsEntry("name", "is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.org/data", "javascript:alert(1)", "example.org", "/relative/path",
            "https://", "http://exa mple.org", "data:text/html,hi"})
    void onlyAbsoluteHttpUrlsAreAccepted(String url) throws Exception {
        assertThat(errorsOf("{'id': 'abc', 'name': 'n', 'url': '" + url + "'}")).containsKey("url");
    }

    @Test
    void aFlagOtherThanYNUIsRejectedInJsonAndForms() throws Exception {
        assertThat(errorsOf("{'id': 'abc', 'name': 'n', 'url': 'https://x.org', 'modalities': {'ct': 'X'}}"))
                .containsEntry("modalities.ct", "must be Y, N or U (yes, no, unknown), not \"X\"");
        assertThat(errorsOf("{'id': 'abc', 'name': 'n', 'url': 'https://x.org', 'metadata': 'yes please'}"))
                .containsKey("metadata");
        assertThat(errorsOf("{'id': 'abc', 'name': 'n', 'url': 'https://x.org', 'caseReview': true}"))
                .containsKey("caseReview");

        Validated<Resource> form = ResourceValidator.readAndValidateForm(
                Map.of("name", List.of("n"), "url", List.of("https://x.org"), "xray", List.of("maybe")), false);
        assertThat(asMap(form.errors())).containsOnlyKeys("modalities.xray");
    }

    @Test
    void overLongFieldsNameTheirLimit() throws Exception {
        Map<String, String> errors = errorsOf("{'id': 'abc', 'name': '" + "n".repeat(201) + "', 'url': 'https://x.org',"
                + " 'description': '" + "d".repeat(5001) + "', 'provider': '" + "p".repeat(201) + "'}");
        assertThat(errors.get("name")).isEqualTo("must be at most 200 characters (it has 201)");
        assertThat(errors.get("description")).contains("at most 5000");
        assertThat(errors).containsKey("provider");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bad_Slug", "ab", "-x-", "a--b", "UPPER", "with space", "ümlaut"})
    void badSlugsAreRejectedWithTheRule(String slug) throws Exception {
        assertThat(errorsOf("{'id': '" + slug + "', 'name': 'n', 'url': 'https://x.org'}"))
                .containsEntry("id", "must be 3 to 80 lowercase letters, digits and single hyphens, e.g. covid-ct");
    }

    @Test
    void everyProblemIsReportedAtOnce() throws Exception {
        Map<String, String> errors = errorsOf("""
                {'id': 'Bad_Slug', 'url': 'ftp://x', 'modalities': {'ct': 'X', 'pet': 'Y'}, 'access': 'FREE',
                 'counts': {'patients': -1, 'images': 'many'}, 'tags': ['a', 'a', 7], 'colour': 'blue'}""");
        assertThat(errors).containsKeys("id", "name", "url", "modalities.ct", "modalities.pet", "access",
                "counts.patients", "counts.images", "tags[1]", "tags[2]", "colour");
        assertThat(errors.get("colour")).isEqualTo("unknown field");
    }

    @Test
    void wrongTypesAreReportedNotThrown() throws Exception {
        Map<String, String> errors = errorsOf("{'name': 5, 'url': ['https://x.org'], 'modalities': 'all',"
                + " 'counts': 3, 'tags': 'covid'}");
        assertThat(errors).containsEntry("name", "must be text").containsKeys("url", "modalities", "counts", "tags");
        assertThat(ResourceValidator.readAndValidate(json("[1, 2]"), false).errors()).hasSize(1);
    }

    @Test
    void controlCharactersAreRefusedOutsideTheDescription() throws Exception {
        assertThat(errorsOf("{'id': 'abc', 'name': 'a\\u0000b', 'url': 'https://x.org', 'description': 'line 1\\nline 2'}"))
                .containsOnlyKeys("name");
    }

    @Test
    void formsReadCommaSeparatedListsAndCounts() {
        Validated<Resource> form = ResourceValidator.readAndValidateForm(Map.of(
                "id", List.of("my-data"), "name", List.of("My data"), "url", List.of("https://x.org"),
                "tags", List.of("covid-19, chest ,, ct"), "patients", List.of("1,200"), "images", List.of("lots"),
                "access", List.of("REGISTRATION")), true);
        assertThat(form.value().tags()).containsExactly("covid-19", "chest", "ct");
        assertThat(form.value().counts().patients()).isEqualTo(1200L);
        assertThat(asMap(form.errors())).containsOnlyKeys("counts.images");
    }

    @Test
    void aResourceSurvivesTheFormRoundTrip() {
        Resource original = org.imagingcatalog.model.seed.SeedCatalog.load().get(5).resource();
        assertThat(original.relations()).isNotEmpty();
        assertThat(ResourceReader.fromForm(ResourceReader.toFormValues(original)).value()).isEqualTo(original.content());
    }

    @Test
    void aFlagOtherThanYNUIsRejectedInAFormCtField() {
        Validated<Resource> form = ResourceValidator.readAndValidateForm(
                Map.of("name", List.of("n"), "url", List.of("https://x.org"), "ct", List.of("X")), false);
        assertThat(asMap(form.errors()))
                .containsExactly(Map.entry("modalities.ct", "must be Y, N or U (yes, no, unknown), not \"X\""));
    }

    /** Only whitespace is trimmed: a control character at either end is refused, never quietly cut off. */
    @Test
    void aControlCharacterAtTheEndOfAFormValueIsRefusedNotTrimmed() {
        Validated<Resource> form = ResourceValidator.readAndValidateForm(Map.of("name", List.of("n"), "url",
                List.of("https://x.org"), "mri", List.of("\u0000"), "ct", List.of("Y\u0000"), "provider",
                List.of("\u0007Lab"), "license", List.of(" CC0-1.0\t")), false);
        assertThat(asMap(form.errors())).containsOnlyKeys("modalities.mri", "modalities.ct", "provider");
    }

    @Test
    void aDescriptionOfMoreThan5000CharactersIsRefused() throws Exception {
        assertThat(errorsOf("{'id': 'abc', 'name': 'n', 'url': 'https://x.org', 'description': '"
                + "d".repeat(5001) + "'}")).containsOnlyKeys("description");
        assertThat(errorsOf("{'id': 'abc', 'name': 'n', 'url': 'https://x.org', 'description': '"
                + "d".repeat(5000) + "'}")).isEmpty();
    }

    @Test
    void aFormWithSeveralProblemsReportsThemAll() {
        Validated<Resource> form = ResourceValidator.readAndValidateForm(Map.of(
                "id", List.of("-x-"), "url", List.of("javascript:alert(1)"), "mri", List.of("perhaps"),
                "access", List.of("free"), "studies", List.of("-3"), "name", List.of(" ")), true);
        assertThat(asMap(form.errors())).containsOnlyKeys("id", "name", "url", "modalities.mri", "access",
                "counts.studies");
    }

    @Test
    void readSideAndProvenanceFieldsAreIgnoredButOtherUnknownFieldsAreNot() throws Exception {
        assertThat(errorsOf("{'id': 'abc', 'name': 'n', 'url': 'https://x.org', 'version': 3, 'status': 'ACTIVE',"
                + " 'sources': ['https://a.org']}")).isEmpty();
        assertThat(errorsOf("{'id': 'abc', 'name': 'n', 'url': 'https://x.org', 'email': 'a@b.org'}"))
                .containsEntry("email", "unknown field");
    }

    @Test
    void anIdIsRequiredOnlyWhenAsked() throws Exception {
        JsonNode noId = json("{'name': 'n', 'url': 'https://x.org'}");
        assertThat(ResourceValidator.readAndValidate(noId).isValid()).isTrue();
        assertThat(asMap(ResourceValidator.readAndValidate(noId, true).errors())).containsOnlyKeys("id");
    }

    @Test
    void readerErrorsWinAndEachFieldIsReportedOnce() throws Exception {
        List<FieldError> errors = ResourceValidator.readAndValidate(json(
                "{'name': 'n', 'url': 'https://x.org', 'counts': {'patients': -5}}")).errors();
        assertThat(errors).containsExactly(new FieldError("counts.patients", "must not be negative"));
    }

    @Test
    void errorsCanBeNestedUnderAPrefix() throws Exception {
        Validated<Resource> nested = ResourceValidator.readAndValidate(json("{'url': 'https://x.org'}")).prefixed("proposed");
        assertThat(nested.errors()).containsExactly(new FieldError("proposed.name", "is required"));
        assertThat(Validated.ok("x").isValid()).isTrue();
    }

    @Test
    void duplicateAndOverlongListItemsAreNamedByIndex() throws Exception {
        Map<String, String> errors = errorsOf("{'id': 'abc', 'name': 'n', 'url': 'https://x.org', 'formats': ['PNG', 'png', '"
                + "f".repeat(61) + "', ' ']}");
        assertThat(errors).containsOnlyKeys("formats[1]", "formats[2]", "formats[3]");
    }
}
