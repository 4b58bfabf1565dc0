package org.imagingcatalog.model.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.imagingcatalog.model.trust.Identifier;
import org.imagingcatalog.model.trust.IdentifierScheme;
import org.imagingcatalog.model.trust.ImageSource;
import org.imagingcatalog.model.trust.Population;
import org.imagingcatalog.model.trust.Provenance;
import org.imagingcatalog.model.trust.ReferenceStandard;
import org.imagingcatalog.model.trust.Relation;
import org.imagingcatalog.model.trust.RelationType;
import org.imagingcatalog.model.trust.Risk;
import org.imagingcatalog.model.trust.RiskDomain;
import org.imagingcatalog.model.trust.RiskJudgement;
import org.imagingcatalog.model.trust.RiskOfBias;
import org.imagingcatalog.model.trust.TrustFields;

/**
 * The trust fields in a form post. Single values: {@code referenceStandard}, {@code population},
 * {@code imageSource}, and per risk-of-bias domain {@code rob.<domain>} (LOW, HIGH, UNCLEAR or empty) with
 * {@code rob.<domain>.reason}. Lists as rows of repeated fields, the n-th value of each belonging to the
 * n-th row: {@code relation.type}/{@code relation.target}/{@code relation.note},
 * {@code identifier.scheme}/{@code identifier.value}, and {@code provenance.field}/{@code provenance.source}/
 * {@code provenance.verifiedOn}/{@code provenance.verifiedBy}. A row left wholly empty (a form's spare row)
 * is no item. Errors name the model's fields ({@code relations[1].type}), as for JSON.
 */
public final class TrustForm {

    public static final String RELATION_TYPE = "relation.type";
    public static final String RELATION_TARGET = "relation.target";
    public static final String RELATION_NOTE = "relation.note";
    public static final String IDENTIFIER_SCHEME = "identifier.scheme";
    public static final String IDENTIFIER_VALUE = "identifier.value";
    public static final String PROVENANCE_FIELD = "provenance.field";
    public static final String PROVENANCE_SOURCE = "provenance.source";
    public static final String PROVENANCE_VERIFIED_ON = "provenance.verifiedOn";
    public static final String PROVENANCE_VERIFIED_BY = "provenance.verifiedBy";

    private static final List<String> RELATION_ROW = List.of(RELATION_TYPE, RELATION_TARGET, RELATION_NOTE);
    private static final List<String> IDENTIFIER_ROW = List.of(IDENTIFIER_SCHEME, IDENTIFIER_VALUE);
    private static final List<String> PROVENANCE_ROW = List.of(PROVENANCE_FIELD, PROVENANCE_SOURCE,
            PROVENANCE_VERIFIED_ON, PROVENANCE_VERIFIED_BY);

    /** Every trust field name a form may post, single and repeated. */
    public static final List<String> FIELDS = Stream.of(
            List.of("referenceStandard", "population", "imageSource"),
            Stream.of(RiskDomain.values()).flatMap(d -> Stream.of(risk(d), reason(d))).toList(),
            RELATION_ROW, IDENTIFIER_ROW, PROVENANCE_ROW).flatMap(List::stream).toList();

    private TrustForm() {
    }

    /** The form field of a domain's risk, e.g. {@code rob.participants}. */
    public static String risk(RiskDomain domain) {
        return "rob." + domain.key();
    }

    /** The form field of a domain's reason, e.g. {@code rob.participants.reason}. */
    public static String reason(RiskDomain domain) {
        return risk(domain) + ".reason";
    }

    /**
     * The trust fields the form states. A group the form does not carry at all (none of its field names
     * posted) is taken from {@code kept}: a form made before the trust fields existed cannot clear them.
     */
    static TrustFields read(Map<String, List<String>> form, TrustFields kept, FieldErrors errors) {
        return new TrustFields(
                carries(form, RELATION_ROW) ? relations(form, errors) : kept.relations(),
                carries(form, IDENTIFIER_ROW) ? identifiers(form, errors) : kept.identifiers(),
                carries(form, List.of("referenceStandard"))
                        ? errors.parse("referenceStandard", first(form, "referenceStandard"), ReferenceStandard::parse)
                        : kept.referenceStandard(),
                carries(form, List.of("population"))
                        ? errors.parse("population", first(form, "population"), Population::parse)
                        : kept.population(),
                carries(form, List.of("imageSource"))
                        ? errors.parse("imageSource", first(form, "imageSource"), ImageSource::parse)
                        : kept.imageSource(),
                riskOfBias(form, kept.riskOfBias(), errors),
                carries(form, PROVENANCE_ROW) ? provenance(form, errors) : kept.provenance());
    }

    /** The form's values of these trust fields: every single field, and one row per list item. */
    static Map<String, List<String>> values(TrustFields trust) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        singleValues(trust).forEach((name, value) -> form.put(name, List.of(value)));
        form.put(RELATION_TYPE, trust.relations().stream()
                .map(r -> r.type() == null ? "" : r.type().dataCite()).toList());
        form.put(RELATION_TARGET, trust.relations().stream().map(r -> nullToEmpty(r.target())).toList());
        form.put(RELATION_NOTE, trust.relations().stream().map(r -> nullToEmpty(r.note())).toList());
        form.put(IDENTIFIER_SCHEME, trust.identifiers().stream()
                .map(i -> i.scheme() == null ? "" : i.scheme().key()).toList());
        form.put(IDENTIFIER_VALUE, trust.identifiers().stream().map(i -> nullToEmpty(i.value())).toList());
        form.put(PROVENANCE_FIELD, List.copyOf(trust.provenance().keySet()));
        form.put(PROVENANCE_SOURCE, trust.provenance().values().stream().map(p -> nullToEmpty(p.source())).toList());
        form.put(PROVENANCE_VERIFIED_ON, trust.provenance().values().stream()
                .map(p -> p.verifiedOn() == null ? "" : p.verifiedOn().toString()).toList());
        form.put(PROVENANCE_VERIFIED_BY, trust.provenance().values().stream()
                .map(p -> nullToEmpty(p.verifiedBy())).toList());
        return form;
    }

    /** The single-valued trust fields of a form, e.g. {@code population=ADULT}, {@code rob.images=HIGH}. */
    static Map<String, String> singleValues(TrustFields trust) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("referenceStandard", trust.referenceStandard().name());
        form.put("population", trust.population().name());
        form.put("imageSource", trust.imageSource().name());
        for (RiskDomain domain : RiskDomain.values()) {
            RiskJudgement judgement = trust.riskOfBias().get(domain);
            form.put(risk(domain), judgement == null || judgement.risk() == null ? "" : judgement.risk().name());
            form.put(reason(domain), judgement == null ? "" : nullToEmpty(judgement.reason()));
        }
        return form;
    }

    private static List<Relation> relations(Map<String, List<String>> form, FieldErrors errors) {
        List<Relation> relations = new ArrayList<>();
        for (Map<String, String> row : rows(form, RELATION_ROW)) {
            String path = "relations[" + relations.size() + "]";
            relations.add(new Relation(errors.parse(path + ".type", row.get(RELATION_TYPE), orNull(RelationType::parse)),
                    row.get(RELATION_TARGET), row.get(RELATION_NOTE)));
        }
        return relations;
    }

    private static List<Identifier> identifiers(Map<String, List<String>> form, FieldErrors errors) {
        List<Identifier> identifiers = new ArrayList<>();
        for (Map<String, String> row : rows(form, IDENTIFIER_ROW)) {
            String path = "identifiers[" + identifiers.size() + "]";
            identifiers.add(new Identifier(
                    errors.parse(path + ".scheme", row.get(IDENTIFIER_SCHEME), orNull(IdentifierScheme::parse)),
                    row.get(IDENTIFIER_VALUE)));
        }
        return identifiers;
    }

    private static RiskOfBias riskOfBias(Map<String, List<String>> form, RiskOfBias kept, FieldErrors errors) {
        RiskOfBias rob = kept;
        for (RiskDomain domain : RiskDomain.values()) {
            if (!carries(form, List.of(risk(domain), reason(domain)))) {
                continue;
            }
            Risk risk = errors.parse("riskOfBias." + domain.key() + ".risk", first(form, risk(domain)), Risk::parse);
            String reason = first(form, reason(domain));
            rob = rob.with(domain, risk == null && reason == null ? null : new RiskJudgement(risk, reason));
        }
        return rob;
    }

    private static Map<String, Provenance> provenance(Map<String, List<String>> form, FieldErrors errors) {
        Map<String, Provenance> provenance = new LinkedHashMap<>();
        for (Map<String, String> row : rows(form, PROVENANCE_ROW)) {
            String field = row.get(PROVENANCE_FIELD);
            String path = "provenance." + field;
            if (field == null) {
                errors.add("provenance", "a row names no field: say which field its source is for, e.g. counts.patients");
            } else if (provenance.containsKey(field)) {
                errors.add(path, "is given twice");
            } else {
                provenance.put(field, new Provenance(row.get(PROVENANCE_SOURCE),
                        TrustJsonReader.date(row.get(PROVENANCE_VERIFIED_ON), path + ".verifiedOn", errors),
                        row.get(PROVENANCE_VERIFIED_BY)));
            }
        }
        return provenance;
    }

    /** The rows of a group of repeated fields, without the wholly empty ones; a missing value is {@code null}. */
    private static List<Map<String, String>> rows(Map<String, List<String>> form, List<String> names) {
        int count = names.stream().mapToInt(n -> form.getOrDefault(n, List.of()).size()).max().orElse(0);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, String> row = new LinkedHashMap<>();
            for (String name : names) {
                List<String> values = form.getOrDefault(name, List.of());
                row.put(name, i < values.size() ? blankToNull(values.get(i)) : null);
            }
            if (row.values().stream().anyMatch(v -> v != null)) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static boolean carries(Map<String, List<String>> form, List<String> names) {
        return names.stream().anyMatch(form::containsKey);
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : blankToNull(values.get(0));
    }

    /** A parser that reads a missing value as missing, for the validator to name. */
    private static <E> Function<String, E> orNull(Function<String, E> parser) {
        return raw -> raw == null ? null : parser.apply(raw);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
