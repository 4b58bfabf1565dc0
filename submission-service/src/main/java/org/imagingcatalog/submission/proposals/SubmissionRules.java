package org.imagingcatalog.submission.proposals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.imagingcatalog.model.Limits;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.ResourceStatus;
import org.imagingcatalog.model.Slugs;
import org.imagingcatalog.model.SubmissionKind;
import org.imagingcatalog.model.diff.ResourceDiff;
import org.imagingcatalog.model.patch.MergePatch;
import org.imagingcatalog.model.trust.RiskDomain;
import org.imagingcatalog.model.trust.RiskJudgement;
import org.imagingcatalog.model.validation.FieldError;
import org.imagingcatalog.model.validation.ResourceValidator;
import org.imagingcatalog.model.validation.Validated;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Every rule a submission must meet before it is stored, in one place for the form and the API.
 * Field names are the API's: {@code kind}, {@code resourceId}, {@code proposed.<field>},
 * {@code comment}, {@code submitter.name}, {@code submitter.email}.
 */
public final class SubmissionRules {

    public static final String PROPOSED_PREFIX = "proposed.";
    /** Why a correction that would leave the published entry as it is is refused. */
    public static final String CHANGES_NOTHING = "Nothing differs from the published entry: the correction changes nothing."
            + " Change at least one field.";
    private static final Pattern LIST_ITEM = Pattern.compile("(.+)\\[(\\d+)\\]");
    /** A row of the trust lists or one of its members: {@code relations[1].target}, {@code identifiers[0]}. */
    private static final Pattern TRUST_ROW = Pattern.compile("(relations|identifiers)\\[(\\d+)](?:\\.(\\w+))?");
    private static final Pattern ROW_REFERENCE = Pattern.compile("\\b(relations|identifiers)\\[(\\d+)]");
    private static final Pattern RISK_OF_BIAS = Pattern.compile("riskOfBias\\.(\\w+)(?:\\.(risk|reason))?");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\r\\t]]|[\\u2028\\u2029]");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");

    private final Function<String, Optional<Resource>> publishedResource;

    /** @param publishedResource the latest published version of a resource id, if any */
    public SubmissionRules(Function<String, Optional<Resource>> publishedResource) {
        this.publishedResource = publishedResource;
    }

    /** The errors of this request, at most one per field, in a stable order. */
    public List<FieldError> check(SubmissionRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        request.inputErrors().forEach(e -> errors.putIfAbsent(e.field(), e.message()));
        if (request.kind() == null) {
            errors.putIfAbsent("kind", "Choose the kind of submission: NEW, CORRECTION or WITHDRAWAL.");
        } else {
            switch (request.kind()) {
                case NEW -> checkNew(request, errors);
                case CORRECTION -> checkCorrection(request, errors);
                case WITHDRAWAL -> checkWithdrawal(request, errors);
            }
        }
        checkComment(request, errors);
        checkSubmitter(request, errors);
        checkEncoding(request, errors);
        List<FieldError> list = new ArrayList<>();
        errors.forEach((field, message) -> list.add(new FieldError(field, message)));
        return list;
    }

    private void checkNew(SubmissionRequest request, Map<String, String> errors) {
        if (request.resourceId() != null) {
            errors.putIfAbsent("resourceId", "Only a correction or a withdrawal names a published resource; "
                    + "for a new resource, put the id you suggest in proposed.id.");
        }
        if (request.proposed() == null) {
            errors.putIfAbsent("proposed", "Describe the new resource: at least its name and address.");
            return;
        }
        addResourceErrors(request.proposed(), errors);
        checkRelationTargets(request.proposed(), errors);
        String id = request.proposed().id();
        if (id != null && !id.isBlank() && Slugs.isValid(id) && publishedResource.apply(id).isPresent()) {
            errors.putIfAbsent(PROPOSED_PREFIX + "id", "A published resource already has the id \"" + id
                    + "\"; suggest a correction to it instead, or choose another id.");
        }
    }

    private void checkCorrection(SubmissionRequest request, Map<String, String> errors) {
        Optional<Resource> published = checkPublishedTarget(request, errors);
        if (request.comment() == null) {
            errors.putIfAbsent("comment", "Say why the entry should change, ideally with a source.");
        }
        if (request.patch() != null) {
            checkPatch(request.patch(), published, errors);
            return;
        }
        if (request.proposed() == null) {
            errors.putIfAbsent("proposed", "Give the fields to change (a JSON Merge Patch of the published entry).");
            return;
        }
        // a form correction: every field, pre-filled; it becomes the patch of what changed
        Resource proposed = request.proposed();
        if (proposed.id() != null && request.resourceId() != null && !proposed.id().equals(request.resourceId())) {
            errors.putIfAbsent(PROPOSED_PREFIX + "id", "The id of a published resource never changes; it stays \""
                    + request.resourceId() + "\".");
        }
        addResourceErrors(proposed.id() == null && request.resourceId() != null
                ? proposed.withId(request.resourceId()) : proposed, errors);
        boolean proposalValid = errors.keySet().stream().noneMatch(field -> field.startsWith(PROPOSED_PREFIX));
        published.ifPresent(current -> {
            ObjectNode changes = MergePatch.between(current, proposed.withId(current.id()));
            if (changes.has("relations")) {
                checkRelationTargets(proposed.withId(current.id()), errors);
            }
            if (proposalValid && changes.isEmpty()) {
                errors.putIfAbsent("proposed", CHANGES_NOTHING);
            }
        });
    }

    /**
     * A correction from the API: a JSON Merge Patch of the published version. Errors are the patch's own (wrong
     * types, unknown fields, a cleared name or url, another id) and the rules broken by the fields it names;
     * fields it does not name are the published entry's, not the contributor's, and are not judged here.
     */
    private void checkPatch(JsonNode patch, Optional<Resource> published, Map<String, String> errors) {
        if (!patch.isObject()) {
            errors.putIfAbsent("proposed", "proposed must be an object naming the fields to change (a JSON Merge Patch).");
            return;
        }
        if (published.isEmpty()) {
            return; // the resourceId error says why
        }
        Validated<Resource> merged = MergePatch.applyTo(published.get(), patch);
        for (FieldError error : merged.errors()) {
            FieldError named = proposedError(error);
            errors.putIfAbsent(named.field(), named.message());
        }
        if (!merged.isValid() || merged.value() == null) {
            return;
        }
        java.util.Set<String> named = MergePatch.namedFields(patch);
        if (patch.has("relations")) {
            checkRelationTargets(merged.value().withId(published.get().id()), errors);
        }
        boolean valid = true;
        for (FieldError error : ResourceValidator.validate(merged.value(), false)) {
            if (names(named, error.field())) {
                FieldError e = proposedError(error);
                errors.putIfAbsent(e.field(), e.message());
                valid = false;
            }
        }
        if (valid && MergePatch.between(published.get(), merged.value().withId(published.get().id())).isEmpty()) {
            errors.putIfAbsent("proposed", CHANGES_NOTHING);
        }
    }

    /** Whether an error on {@code field} ({@code formats[1]}, {@code counts.patients}) is about a field the patch names. */
    private static boolean names(java.util.Set<String> named, String field) {
        if (field == null || field.isEmpty()) {
            return true;
        }
        for (String n : named) {
            if (field.equals(n) || field.startsWith(n + "[") || field.startsWith(n + ".") || n.startsWith(field + ".")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The patch a valid correction stores and sends: the API's as sent, or for a form correction the fields that
     * differ from the published version ({@link MergePatch#between}).
     */
    public ObjectNode correctionPatch(SubmissionRequest request) {
        if (request.patch() != null) {
            return (ObjectNode) request.patch().deepCopy();
        }
        Resource current = target(request.resourceId()).resource();
        return MergePatch.between(current, request.proposed().withId(current.id()));
    }

    /** What a correction proposes, whole: the published version with the patch applied (empty when it no longer applies). */
    public Optional<Resource> corrected(String resourceId, JsonNode patch) {
        Optional<Resource> published = publishedResource.apply(resourceId);
        if (published.isEmpty() || patch == null) {
            return published;
        }
        Validated<Resource> merged = MergePatch.applyTo(published.get(), patch);
        return Optional.ofNullable(merged.value());
    }

    private void checkWithdrawal(SubmissionRequest request, Map<String, String> errors) {
        checkPublishedTarget(request, errors);
        if (request.proposed() != null) {
            errors.putIfAbsent("proposed", "A withdrawal takes no resource fields; give the reason in comment.");
        }
        if (request.comment() == null) {
            errors.putIfAbsent("comment", "Give the reason for the withdrawal.");
        }
    }

    /**
     * Whether {@code resourceId} names a published resource that can still be corrected or withdrawn: the one
     * rule behind the API's {@code resourceId} error and the forms' refusal page.
     */
    public PublishedTarget target(String resourceId) {
        Optional<Resource> published = resourceId != null && Slugs.isValid(resourceId)
                ? publishedResource.apply(resourceId) : Optional.empty();
        if (published.isEmpty()) {
            return PublishedTarget.refused(resourceId, PublishedTarget.Refusal.UNKNOWN);
        }
        if (published.get().status() == ResourceStatus.WITHDRAWN) {
            return PublishedTarget.refused(resourceId, PublishedTarget.Refusal.WITHDRAWN);
        }
        return PublishedTarget.active(resourceId, published.get());
    }

    /** What a submission of this kind does to its target, as the refusals word it: "corrected", "withdrawn". */
    public static String verb(SubmissionKind kind) {
        return kind == SubmissionKind.WITHDRAWAL ? "withdrawn" : "corrected";
    }

    private Optional<Resource> checkPublishedTarget(SubmissionRequest request, Map<String, String> errors) {
        String id = request.resourceId();
        String verb = verb(request.kind());
        if (id == null) {
            errors.putIfAbsent("resourceId", "Name the published resource to be " + verb + " (its id).");
            return Optional.empty();
        }
        PublishedTarget target = target(id);
        if (target.isActive()) {
            return Optional.of(target.resource());
        }
        errors.putIfAbsent("resourceId", switch (target.refusal()) {
            case UNKNOWN -> "There is no published resource with id \"" + id + "\".";
            case WITHDRAWN -> "The resource \"" + id + "\" has been withdrawn from the catalog; it cannot be " + verb
                    + " any more.";
        });
        return Optional.empty();
    }

    private static void addResourceErrors(Resource proposed, Map<String, String> errors) {
        for (FieldError error : ResourceValidator.validate(proposed, false)) {
            FieldError named = proposedError(error);
            errors.putIfAbsent(named.field(), named.message());
        }
    }

    /**
     * A relation whose target is a catalog id must name an entry of the catalog (a dataset outside it is named by
     * its address or DOI): a lineage to nowhere would mislead every reader of the overlap check.
     */
    private void checkRelationTargets(Resource proposed, Map<String, String> errors) {
        if (proposed.relations().size() > Limits.RELATIONS_MAX) {
            return; // refused for their number already; not one look-up each
        }
        for (int i = 0; i < proposed.relations().size(); i++) {
            String target = proposed.relations().get(i).target();
            if (target != null && Slugs.isValid(target) && !target.equals(proposed.id())
                    && publishedResource.apply(target).isEmpty()) {
                errors.putIfAbsent(PROPOSED_PREFIX + "relations[" + i + "].target", sentence(label("relations[" + i
                        + "].target") + " is no entry of the catalog: no published resource has the id \"" + target
                        + "\". Choose the entry from the list, or give the dataset's address or DOI"));
            }
        }
    }

    /**
     * A resource field's error as the API names it ({@code proposed.url}), with a message that
     * reads on its own ("URL must be an absolute ...").
     */
    public static FieldError proposedError(FieldError error) {
        String field = error.field();
        if (field == null || field.isEmpty()) {
            return new FieldError("proposed", "The proposed resource " + error.message() + ".");
        }
        return new FieldError(PROPOSED_PREFIX + field, sentence(label(field) + " " + rowsInWords(error.message())));
    }

    /** "repeats relations[0]" reads "repeats link 1" (and identifiers[0] "identifier 1"). */
    private static String rowsInWords(String message) {
        return ROW_REFERENCE.matcher(message).replaceAll(m -> (m.group(1).equals("relations") ? "link " : "identifier ")
                + (Integer.parseInt(m.group(2)) + 1));
    }

    private static String label(String field) {
        Matcher row = TRUST_ROW.matcher(field);
        if (row.matches()) {
            String item = (row.group(1).equals("relations") ? "link " : "identifier ")
                    + (Integer.parseInt(row.group(2)) + 1);
            return row.group(3) == null ? item : switch (row.group(3)) {
                case "type" -> "the kind of " + item;
                case "target" -> "the dataset of " + item;
                case "scheme" -> "the registry of " + item;
                case "value" -> item;
                default -> "the " + row.group(3) + " of " + item;
            };
        }
        Matcher rob = RISK_OF_BIAS.matcher(field);
        if (rob.matches()) {
            String domain = java.util.Arrays.stream(RiskDomain.values()).filter(d -> d.key().equals(rob.group(1)))
                    .map(RiskDomain::label).findFirst().orElse(rob.group(1));
            return rob.group(2) == null ? "the risk of bias for " + domain
                    : rob.group(2).equals("risk") ? "the risk of bias for " + domain
                    : "the reason for the risk of bias for " + domain;
        }
        Matcher item = LIST_ITEM.matcher(field);
        if (item.matches()) {
            return label(item.group(1)) + " (item " + (Integer.parseInt(item.group(2)) + 1) + ")";
        }
        return switch (field) {
            case "relations" -> "the links to other datasets";
            case "identifiers" -> "the identifiers";
            case "referenceStandard", "population", "imageSource", "riskOfBias" -> "the " + ResourceDiff.label(field)
                    .replace("riskOfBias", "risk of bias");
            case "id" -> "The id";
            case "patients", "images", "studies" -> "The number of " + field;
            case "modalities.xray" -> "X-ray";
            default -> ResourceDiff.label(field);
        };
    }

    private static String sentence(String text) {
        String capitalised = Character.toUpperCase(text.charAt(0)) + text.substring(1);
        return capitalised.endsWith(".") ? capitalised : capitalised + ".";
    }

    private static void checkComment(SubmissionRequest request, Map<String, String> errors) {
        String comment = request.comment();
        if (comment != null && comment.length() > Limits.COMMENT_MAX) {
            errors.putIfAbsent("comment", "Keep the comment within " + Limits.COMMENT_MAX + " characters (it has "
                    + comment.length() + ").");
        } else if (comment != null && CONTROL.matcher(comment).find()) {
            errors.putIfAbsent("comment", "The comment must not contain control characters.");
        }
    }

    /**
     * Bytes that are not UTF-8 reach us as U+FFFD (the form decoder and the JSON reader replace them), and a
     * JSON escape may carry half a surrogate pair: either way the text is not what was meant, so it is
     * refused rather than stored garbled.
     */
    private static void checkEncoding(SubmissionRequest request, Map<String, String> errors) {
        Map<String, String> texts = new LinkedHashMap<>();
        Resource p = request.proposed();
        if (p != null) {
            texts.put(PROPOSED_PREFIX + "id", p.id());
            texts.put(PROPOSED_PREFIX + "name", p.name());
            texts.put(PROPOSED_PREFIX + "url", p.url());
            texts.put(PROPOSED_PREFIX + "description", p.description());
            texts.put(PROPOSED_PREFIX + "provider", p.provider());
            texts.put(PROPOSED_PREFIX + "license", p.license());
            texts.put(PROPOSED_PREFIX + "formats", String.join(",", p.formats()));
            texts.put(PROPOSED_PREFIX + "annotations", String.join(",", p.annotations()));
            texts.put(PROPOSED_PREFIX + "tags", String.join(",", p.tags()));
            for (int i = 0; i < p.relations().size(); i++) {
                texts.put(PROPOSED_PREFIX + "relations[" + i + "].target", p.relations().get(i).target());
                texts.put(PROPOSED_PREFIX + "relations[" + i + "].note", p.relations().get(i).note());
            }
            for (int i = 0; i < p.identifiers().size(); i++) {
                texts.put(PROPOSED_PREFIX + "identifiers[" + i + "].value", p.identifiers().get(i).value());
            }
            for (RiskDomain domain : RiskDomain.values()) {
                RiskJudgement judgement = p.riskOfBias().get(domain);
                texts.put(PROPOSED_PREFIX + "riskOfBias." + domain.key() + ".reason",
                        judgement == null ? null : judgement.reason());
            }
            p.provenance().forEach((path, provenance) -> {
                texts.put(PROPOSED_PREFIX + "provenance." + path, path);
                texts.put(PROPOSED_PREFIX + "provenance." + path + ".source", provenance.source());
                texts.put(PROPOSED_PREFIX + "provenance." + path + ".verifiedBy", provenance.verifiedBy());
            });
        }
        if (request.patch() != null) {
            collectTexts(PROPOSED_PREFIX, request.patch(), texts);
        }
        texts.put("resourceId", request.resourceId());
        texts.put("comment", request.comment());
        texts.put("submitter.name", request.submitterName());
        texts.put("submitter.email", request.submitterEmail());
        texts.forEach((field, text) -> {
            if (text != null && !isWellFormed(text)) {
                errors.putIfAbsent(field, "This text holds bytes that are not valid UTF-8 (shown as \uFFFD); "
                        + "send it as UTF-8.");
            }
        });
    }

    private static void collectTexts(String prefix, JsonNode node, Map<String, String> texts) {
        if (node.isTextual()) {
            texts.putIfAbsent(prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix, node.asText());
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectTexts(prefix + "[" + i + "]", node.get(i), texts);
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(member -> collectTexts(
                    (prefix.endsWith(".") || prefix.isEmpty() ? prefix : prefix + ".") + member.getKey(), member.getValue(), texts));
        }
    }

    static boolean isWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\uFFFD') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static void checkSubmitter(SubmissionRequest request, Map<String, String> errors) {
        String name = request.submitterName();
        if (name != null && name.length() > Limits.SUBMITTER_NAME_MAX) {
            errors.putIfAbsent("submitter.name", "Keep your name within " + Limits.SUBMITTER_NAME_MAX + " characters.");
        } else if (name != null && (CONTROL.matcher(name).find() || name.contains("\n") || name.contains("\r"))) {
            errors.putIfAbsent("submitter.name", "Your name must be a single line without control characters.");
        }
        String email = request.submitterEmail();
        if (email != null && (email.length() > Limits.EMAIL_MAX || !EMAIL.matcher(email).matches())) {
            errors.putIfAbsent("submitter.email", "Enter an e-mail address like name@example.org, or leave it empty.");
        }
    }
}
