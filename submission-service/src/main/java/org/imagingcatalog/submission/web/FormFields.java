package org.imagingcatalog.submission.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.validation.FieldError;
import org.imagingcatalog.model.validation.ResourceReader;
import org.imagingcatalog.model.validation.TrustForm;
import org.imagingcatalog.model.validation.Validated;
import org.imagingcatalog.submission.web.FormView.IdentifierRow;
import org.imagingcatalog.submission.web.FormView.RelationRow;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Every field the contribution forms post. Resource fields carry the names
 * {@code ResourceReader.fromForm} reads, the trust fields those of {@link TrustForm}; {@code website} is the
 * honeypot. A relation row has two inputs for its target: a list of the catalog's entries
 * ({@code relation.target}) and a text field for an address or DOI outside it ({@code relation.external}).
 */
public class FormFields {

    /** The form field of a relation's target outside the catalog (an address or a DOI). */
    public static final String RELATION_EXTERNAL = "relation.external";
    /** The single-valued trust fields, as {@code TrustForm} names them. */
    static final List<String> TRUST_SINGLE_FIELDS = TrustForm.FIELDS.stream()
            .filter(f -> !f.startsWith("relation.") && !f.startsWith("identifier.") && !f.startsWith("provenance."))
            .toList();

    /** The resource fields, in the order the forms show them. */
    public static final List<String> RESOURCE_FIELDS = List.of("id", "name", "url", "description", "provider",
            "ct", "xray", "mri", "ultrasound", "metadata", "caseReview", "license", "access", "formats",
            "annotations", "tags", "patients", "images", "studies");

    @RestForm public String id;
    @RestForm public String name;
    @RestForm public String url;
    @RestForm public String description;
    @RestForm public String provider;
    @RestForm public String ct;
    @RestForm public String xray;
    @RestForm public String mri;
    @RestForm public String ultrasound;
    @RestForm public String metadata;
    @RestForm public String caseReview;
    @RestForm public String license;
    @RestForm public String access;
    @RestForm public String formats;
    @RestForm public String annotations;
    @RestForm public String tags;
    @RestForm public String patients;
    @RestForm public String images;
    @RestForm public String studies;
    @RestForm public String comment;
    @RestForm public String submitterName;
    @RestForm public String submitterEmail;
    /** Hidden from people; a bot that fills every field fills this one too. */
    @RestForm public String website;
    /** Set by the "more rows" button: show the form again with more empty rows, store nothing. */
    @RestForm public String more;

    @RestForm public String referenceStandard;
    @RestForm public String population;
    @RestForm public String imageSource;
    @RestForm("rob.participants") public String robParticipants;
    @RestForm("rob.participants.reason") public String robParticipantsReason;
    @RestForm("rob.referenceStandard") public String robReferenceStandard;
    @RestForm("rob.referenceStandard.reason") public String robReferenceStandardReason;
    @RestForm("rob.images") public String robImages;
    @RestForm("rob.images.reason") public String robImagesReason;
    @RestForm("rob.composition") public String robComposition;
    @RestForm("rob.composition.reason") public String robCompositionReason;

    @RestForm(TrustForm.RELATION_TYPE) public List<String> relationType;
    @RestForm(TrustForm.RELATION_TARGET) public List<String> relationTarget;
    @RestForm(RELATION_EXTERNAL) public List<String> relationExternal;
    @RestForm(TrustForm.RELATION_NOTE) public List<String> relationNote;
    @RestForm(TrustForm.IDENTIFIER_SCHEME) public List<String> identifierScheme;
    @RestForm(TrustForm.IDENTIFIER_VALUE) public List<String> identifierValue;

    public boolean honeypotFilled() {
        return website != null && !website.isEmpty();
    }

    public boolean wantsMoreRows() {
        return more != null;
    }

    /**
     * The resource the form describes, with every problem named by the model's path
     * ({@code relations[1].target}). {@code current} is what the form edits (the published version of a correction,
     * the latest proposal of a revision), null for a new resource: a trust field the form does not carry keeps
     * current's value, so a form that does not show it cannot erase it.
     */
    public Validated<Resource> resource(Resource current) {
        Map<String, List<String>> form = resourceForm();
        Validated<Resource> read = current == null ? ResourceReader.fromForm(form) : ResourceReader.fromForm(form, current);
        return read.with(targetErrors());
    }

    /** The resource fields as {@code ResourceReader.fromForm} takes them, the relation rows with one target each. */
    Map<String, List<String>> resourceForm() {
        Map<String, List<String>> form = new LinkedHashMap<>();
        values().forEach((field, value) -> {
            if ((RESOURCE_FIELDS.contains(field) || TRUST_SINGLE_FIELDS.contains(field)) && value != null) {
                form.put(field, List.of(value));
            }
        });
        if (carries(relationType, relationTarget, relationExternal, relationNote)) {
            List<RelationRow> rows = relationRows();
            form.put(TrustForm.RELATION_TYPE, rows.stream().map(RelationRow::type).toList());
            form.put(TrustForm.RELATION_TARGET, rows.stream().map(RelationRow::chosenTarget).toList());
            form.put(TrustForm.RELATION_NOTE, rows.stream().map(RelationRow::note).toList());
        }
        if (carries(identifierScheme, identifierValue)) {
            List<IdentifierRow> rows = identifierRows();
            form.put(TrustForm.IDENTIFIER_SCHEME, rows.stream().map(IdentifierRow::scheme).toList());
            form.put(TrustForm.IDENTIFIER_VALUE, rows.stream().map(IdentifierRow::value).toList());
        }
        return form;
    }

    /**
     * The relation rows as posted, without the wholly empty ones (spare rows): the n-th is the model's
     * {@code relations[n]}, so errors land beside their row when the form is shown again.
     */
    public List<RelationRow> relationRows() {
        List<RelationRow> rows = new ArrayList<>();
        int count = size(relationType, relationTarget, relationExternal, relationNote);
        for (int i = 0; i < count; i++) {
            RelationRow row = new RelationRow(rows.size(), at(relationType, i), at(relationTarget, i),
                    at(relationExternal, i), at(relationNote, i));
            if (!row.isEmpty()) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** The identifier rows as posted, without the wholly empty ones. */
    public List<IdentifierRow> identifierRows() {
        List<IdentifierRow> rows = new ArrayList<>();
        int count = size(identifierScheme, identifierValue);
        for (int i = 0; i < count; i++) {
            IdentifierRow row = new IdentifierRow(rows.size(), at(identifierScheme, i), at(identifierValue, i));
            if (!row.isEmpty()) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** A row whose target is both chosen from the list and typed: which one was meant is not ours to guess. */
    private List<FieldError> targetErrors() {
        return relationRows().stream().filter(RelationRow::hasTwoTargets)
                .map(row -> new FieldError(row.key("target"), "is given twice: choose the entry from the list or type"
                        + " an address or DOI, not both"))
                .toList();
    }

    @SafeVarargs
    private static boolean carries(List<String>... lists) {
        for (List<String> list : lists) {
            if (list != null && !list.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    @SafeVarargs
    private static int size(List<String>... lists) {
        int size = 0;
        for (List<String> list : lists) {
            size = Math.max(size, list == null ? 0 : list.size());
        }
        return size;
    }

    private static String at(List<String> list, int i) {
        return list == null || i >= list.size() || list.get(i) == null ? "" : list.get(i);
    }

    /** Every value as typed, to show the form again. */
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("id", id);
        values.put("name", name);
        values.put("url", url);
        values.put("description", description);
        values.put("provider", provider);
        values.put("ct", ct);
        values.put("xray", xray);
        values.put("mri", mri);
        values.put("ultrasound", ultrasound);
        values.put("metadata", metadata);
        values.put("caseReview", caseReview);
        values.put("license", license);
        values.put("access", access);
        values.put("formats", formats);
        values.put("annotations", annotations);
        values.put("tags", tags);
        values.put("patients", patients);
        values.put("images", images);
        values.put("studies", studies);
        values.put("comment", comment);
        values.put("submitterName", submitterName);
        values.put("submitterEmail", submitterEmail);
        values.put("referenceStandard", referenceStandard);
        values.put("population", population);
        values.put("imageSource", imageSource);
        values.put("rob.participants", robParticipants);
        values.put("rob.participants.reason", robParticipantsReason);
        values.put("rob.referenceStandard", robReferenceStandard);
        values.put("rob.referenceStandard.reason", robReferenceStandardReason);
        values.put("rob.images", robImages);
        values.put("rob.images.reason", robImagesReason);
        values.put("rob.composition", robComposition);
        values.put("rob.composition.reason", robCompositionReason);
        return values;
    }
}
