package org.imagingcatalog.model.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.imagingcatalog.model.Modality;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.trust.NotStated;
import org.imagingcatalog.model.trust.Provenance;
import org.imagingcatalog.model.trust.RiskDomain;
import org.imagingcatalog.model.trust.RiskJudgement;

/**
 * Which fields of a resource's content changed, field by field, in the contract's order. Lists
 * (tags, relations, identifiers) change as a whole, as a merge patch replaces them; a risk-of-bias domain
 * by its {@code risk} and {@code reason}; provenance per field path and member, e.g.
 * {@code provenance.counts.patients.source}.
 */
public final class ResourceDiff {

    private static final Map<String, String> PROVENANCE_MEMBERS = Map.of(
            "source", "source", "verifiedOn", "verified on", "verifiedBy", "verified by");

    private ResourceDiff() {
    }

    /** The changes from {@code before} to {@code after}; with no {@code before}, every field that is set. */
    public static List<FieldChange> between(Resource before, Resource after) {
        Set<String> provenancePaths = new TreeSet<>(after.provenance().keySet());
        if (before != null) {
            provenancePaths.addAll(before.provenance().keySet());
        }
        Map<String, Object> old = before == null ? Map.of() : flatten(before, provenancePaths);
        List<FieldChange> changes = new ArrayList<>();
        for (Map.Entry<String, Object> field : flatten(after, provenancePaths).entrySet()) {
            Object was = old.get(field.getKey());
            Object now = field.getValue();
            if (before == null ? isSet(now) : !Objects.equals(was, now)) {
                changes.add(new FieldChange(field.getKey(), was, now));
            }
        }
        return changes;
    }

    public static List<String> changedFields(Resource before, Resource after) {
        return between(before, after).stream().map(FieldChange::field).toList();
    }

    /** A readable one-line account of the changes, e.g. "CT changed from U to Y; name changed". */
    public static String summary(Resource before, Resource after) {
        List<FieldChange> changes = between(before, after);
        if (before == null) {
            return "added to the catalog";
        }
        if (changes.isEmpty()) {
            return "no change to the content";
        }
        List<String> parts = new ArrayList<>();
        for (FieldChange change : changes) {
            parts.add(change.before() instanceof Enum<?> || change.after() instanceof Enum<?>
                    ? label(change.field()) + " changed from " + shown(change.before()) + " to " + shown(change.after())
                    : label(change.field()) + " changed");
        }
        return String.join("; ", parts);
    }

    /**
     * Field names as people read them: modalities.ct -> CT, caseReview -> case review,
     * riskOfBias.participants.risk -> risk of bias: participants, provenance.counts.patients.source ->
     * patient count: source.
     */
    public static String label(String field) {
        for (Modality m : Modality.values()) {
            if (field.equals("modalities." + m.key())) {
                return m.label();
            }
        }
        for (RiskDomain d : RiskDomain.values()) {
            if (field.equals("riskOfBias." + d.key() + ".risk")) {
                return "risk of bias: " + d.label();
            }
            if (field.equals("riskOfBias." + d.key() + ".reason")) {
                return "risk of bias: " + d.label() + ", reason";
            }
        }
        for (Map.Entry<String, String> member : PROVENANCE_MEMBERS.entrySet()) {
            String prefix = "provenance.";
            String suffix = "." + member.getKey();
            if (field.startsWith(prefix) && field.endsWith(suffix) && field.length() > prefix.length() + suffix.length()) {
                String path = field.substring(prefix.length(), field.length() - suffix.length());
                return label(path) + ": " + member.getValue();
            }
        }
        return switch (field) {
            case "caseReview" -> "case review";
            case "counts.patients" -> "patient count";
            case "counts.images" -> "image count";
            case "counts.studies" -> "study count";
            case "url" -> "URL";
            case "referenceStandard" -> "reference standard";
            case "imageSource" -> "image source";
            default -> field;
        };
    }

    private static String shown(Object value) {
        return value == null ? "not set" : value.toString();
    }

    private static boolean isSet(Object value) {
        return !NotStated.statesNothing(value) && !(value instanceof List<?> list && list.isEmpty());
    }

    private static Map<String, Object> flatten(Resource r, Set<String> provenancePaths) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", r.id());
        fields.put("name", r.name());
        fields.put("url", r.url());
        fields.put("description", r.description());
        fields.put("provider", r.provider());
        for (Modality m : Modality.values()) {
            fields.put("modalities." + m.key(), r.modalities().get(m));
        }
        fields.put("metadata", r.metadata());
        fields.put("caseReview", r.caseReview());
        fields.put("license", r.license());
        fields.put("access", r.access());
        fields.put("formats", r.formats());
        fields.put("counts.patients", r.counts().patients());
        fields.put("counts.images", r.counts().images());
        fields.put("counts.studies", r.counts().studies());
        fields.put("annotations", r.annotations());
        fields.put("tags", r.tags());
        fields.put("relations", r.relations());
        fields.put("identifiers", r.identifiers());
        fields.put("referenceStandard", r.referenceStandard());
        fields.put("population", r.population());
        fields.put("imageSource", r.imageSource());
        for (RiskDomain d : RiskDomain.values()) {
            RiskJudgement judgement = r.riskOfBias().get(d);
            fields.put("riskOfBias." + d.key() + ".risk", judgement == null ? null : judgement.risk());
            fields.put("riskOfBias." + d.key() + ".reason", judgement == null ? null : judgement.reason());
        }
        for (String path : provenancePaths) {
            Provenance p = r.provenance().get(path);
            fields.put("provenance." + path + ".source", p == null ? null : p.source());
            fields.put("provenance." + path + ".verifiedOn", p == null ? null : p.verifiedOn());
            fields.put("provenance." + path + ".verifiedBy", p == null ? null : p.verifiedBy());
        }
        return fields;
    }
}
