package org.imagingcatalog.publicweb.stats;

import java.util.ArrayList;
import java.util.List;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;

/** Computes the survey's headline figures live from the read model, in one pass over the listed entries. */
@ApplicationScoped
public class StatsService {

    /** key, label, and the SQL conditions for yes, no and unknown (fixed text, never user input). */
    private record Definition(String key, String label, String yes, String no) {

        static Definition flag(String key, String label, String column) {
            return new Definition(key, label, column + " = 'Y'", column + " = 'N'");
        }
    }

    private static final List<Definition> DEFINITIONS = List.of(
            Definition.flag("ct", "CT", "ct"),
            Definition.flag("xray", "X-ray", "xray"),
            new Definition("ctOrXray", "CT or X-ray", "(ct = 'Y' OR xray = 'Y')", "(ct = 'N' AND xray = 'N')"),
            Definition.flag("mri", "MRI", "mri"),
            Definition.flag("ultrasound", "Ultrasound", "ultrasound"),
            Definition.flag("metadata", "Metadata", "metadata"),
            Definition.flag("caseReview", "Case review", "case_review"));

    private static final String SQL = buildSql();

    public Stats compute() {
        Object[] counts = (Object[]) Panache.getEntityManager().createNativeQuery(SQL).getSingleResult();
        long total = ((Number) counts[0]).longValue();
        List<Figure> figures = new ArrayList<>();
        int column = 1;
        for (Definition d : DEFINITIONS) {
            long yes = ((Number) counts[column++]).longValue();
            long no = ((Number) counts[column++]).longValue();
            figures.add(new Figure(d.key(), d.label(), yes, no, total - yes - no));
        }
        return new Stats(total, List.copyOf(figures));
    }

    private static String buildSql() {
        StringBuilder sql = new StringBuilder("SELECT count(*)");
        for (Definition d : DEFINITIONS) {
            sql.append(", count(*) FILTER (WHERE ").append(d.yes()).append(')')
                    .append(", count(*) FILTER (WHERE ").append(d.no()).append(')');
        }
        return sql.append(" FROM entry WHERE status = 'ACTIVE'").toString();
    }
}
