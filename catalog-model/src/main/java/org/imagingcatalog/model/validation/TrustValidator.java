package org.imagingcatalog.model.validation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.imagingcatalog.model.Limits;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.Text;
import org.imagingcatalog.model.identity.IdentityKeys;
import org.imagingcatalog.model.trust.Identifier;
import org.imagingcatalog.model.trust.IdentifierScheme;
import org.imagingcatalog.model.trust.Provenance;
import org.imagingcatalog.model.trust.Relation;
import org.imagingcatalog.model.trust.RiskDomain;
import org.imagingcatalog.model.trust.RiskJudgement;
import org.imagingcatalog.model.trust.Urls;

/** The rules of a resource's trust fields, each problem named by its path ({@code identifiers[0].value}). */
final class TrustValidator {

    /** A field path such as {@code counts.patients} or {@code relations[2].note}. */
    private static final Pattern FIELD_PATH = Pattern.compile("[A-Za-z]+(\\[\\d+])?(\\.[A-Za-z]+(\\[\\d+])?)*");
    private static final String TARGET_RULE = "must be a catalog id such as covid-ct, an absolute http:// or https://"
            + " address, or a DOI such as 10.5281/zenodo.3757476";

    private TrustValidator() {
    }

    static void validate(Resource r, List<FieldError> errors) {
        relations(r, errors);
        identifiers(r.identifiers(), errors);
        for (RiskDomain domain : RiskDomain.values()) {
            judgement("riskOfBias." + domain.key(), r.riskOfBias().get(domain), errors);
        }
        provenance(r.provenance(), errors);
    }

    private static void relations(Resource r, List<FieldError> errors) {
        if (tooMany(errors, "relations", r.relations(), Limits.RELATIONS_MAX)) {
            return;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < r.relations().size(); i++) {
            Relation relation = r.relations().get(i);
            String path = "relations[" + i + "]";
            if (relation.type() == null) {
                errors.add(new FieldError(path + ".type", "is required: a DataCite relation type such as IsDerivedFrom"));
            }
            String target = relation.target();
            if (target == null) {
                errors.add(new FieldError(path + ".target", "is required; it " + TARGET_RULE));
            } else if (target.length() > Limits.URL_MAX) {
                errors.add(new FieldError(path + ".target", "must be at most " + Limits.URL_MAX + " characters"));
            } else if (!relation.hasValidTarget()) {
                errors.add(new FieldError(path + ".target", TARGET_RULE + ", not \"" + Text.shorten(target) + "\""));
            } else if (target.equals(r.id())) {
                errors.add(new FieldError(path + ".target", "must be another entry than this one"));
            } else if (relation.type() != null) {
                String key = relation.type() + " " + IdentityKeys.ofTarget(target).orElse(target);
                Integer first = seen.putIfAbsent(key, i);
                if (first != null) {
                    errors.add(new FieldError(path, "repeats relations[" + first + "]"));
                }
            }
            ResourceValidator.text(errors, path + ".note", relation.note(), Limits.NOTE_MAX, false);
        }
    }

    private static void identifiers(List<Identifier> identifiers, List<FieldError> errors) {
        if (tooMany(errors, "identifiers", identifiers, Limits.IDENTIFIERS_MAX)) {
            return;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < identifiers.size(); i++) {
            Identifier identifier = identifiers.get(i);
            String path = "identifiers[" + i + "]";
            IdentifierScheme scheme = identifier.scheme();
            String value = identifier.value();
            if (scheme == null) {
                errors.add(new FieldError(path + ".scheme", "is required: one of " + IdentifierScheme.choices()));
            } else if (value == null) {
                errors.add(new FieldError(path + ".value", "is required: " + scheme.rule()));
            } else if (value.length() > Limits.IDENTIFIER_MAX) {
                errors.add(new FieldError(path + ".value", "must be at most " + Limits.IDENTIFIER_MAX + " characters"));
            } else if (!identifier.isValid()) {
                errors.add(new FieldError(path + ".value",
                        "must be " + scheme.rule() + ", not \"" + Text.shorten(value) + "\""));
            } else {
                Integer first = seen.putIfAbsent(IdentityKeys.of(identifier).orElse(identifier.toString()), i);
                if (first != null) {
                    errors.add(new FieldError(path, "repeats identifiers[" + first + "]"));
                }
            }
        }
    }

    private static void judgement(String path, RiskJudgement judgement, List<FieldError> errors) {
        if (judgement == null) {
            return;
        }
        if (judgement.risk() == null) {
            errors.add(new FieldError(path + ".risk", "is required: LOW, HIGH or UNCLEAR"));
        }
        if (judgement.reason() == null) {
            errors.add(new FieldError(path + ".reason", "is required: the stated fact that settles the risk"));
        } else {
            ResourceValidator.text(errors, path + ".reason", judgement.reason(), Limits.RISK_REASON_MAX, false);
        }
    }

    private static void provenance(Map<String, Provenance> provenance, List<FieldError> errors) {
        if (provenance.size() > Limits.PROVENANCE_MAX) {
            errors.add(new FieldError("provenance", "must name at most " + Limits.PROVENANCE_MAX + " fields"));
            return;
        }
        for (Map.Entry<String, Provenance> entry : provenance.entrySet()) {
            String path = "provenance." + entry.getKey();
            Provenance p = entry.getValue();
            if (!isFieldPath(entry.getKey())) {
                errors.add(new FieldError(path, "must name a field of the resource, e.g. counts.patients or relations[0]"));
            } else if (p == null) {
                errors.add(new FieldError(path, "must be an object with source, verifiedOn and verifiedBy"));
            } else {
                if (p.source() == null) {
                    errors.add(new FieldError(path + ".source", "is required: the address the value was verified at"));
                } else if (p.source().length() > Limits.URL_MAX || !Urls.isHttpUrl(p.source())) {
                    errors.add(new FieldError(path + ".source", "must be an absolute http:// or https:// address"));
                }
                if (p.verifiedOn() == null) {
                    errors.add(new FieldError(path + ".verifiedOn",
                            "is required: the day it was verified, e.g. 2026-12-03"));
                }
                ResourceValidator.text(errors, path + ".verifiedBy", p.verifiedBy(), Limits.VERIFIED_BY_MAX, false);
            }
        }
    }

    /** A path into one of the resource's fields (not into {@code provenance} itself). */
    private static boolean isFieldPath(String path) {
        String top = path.split("[.\\[]", 2)[0];
        return path.length() <= Limits.FIELD_PATH_MAX && FIELD_PATH.matcher(path).matches()
                && ResourceFields.TOP_LEVEL.contains(top) && !top.equals("provenance");
    }

    private static boolean tooMany(List<FieldError> errors, String field, List<?> items, int max) {
        if (items.size() > max) {
            errors.add(new FieldError(field, "must have at most " + max + " items"));
            return true;
        }
        return false;
    }
}
