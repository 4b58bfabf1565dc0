package org.imagingcatalog.publicweb.reading;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.imagingcatalog.model.Text;
import org.imagingcatalog.publicweb.search.BadQueryException;
import org.imagingcatalog.publicweb.search.CatalogQuery;

/**
 * Which entries a reader asks to compare: {@code ids}, comma-separated or repeated ({@code ids=a,b} is
 * {@code ids=a&ids=b}, as a form's checkboxes send it), trimmed, blanks and repeats dropped, in the order given.
 * Two to {@value #MAX} entries; no control characters.
 */
public record OverlapQuery(List<String> ids) {

    public static final int MAX = 20;
    public static final int MIN = 2;
    /** The parameters of {@code GET /api/v1/overlap}. */
    public static final Set<String> API_PARAMETERS = Set.of("ids");
    /** The parameters of the page {@code /overlap}: also {@code q}, which narrows the datasets its form offers. */
    public static final Set<String> PAGE_PARAMETERS = Collections.unmodifiableSet(new LinkedHashSet<>(List.of("ids", "q")));

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    public OverlapQuery {
        ids = List.copyOf(ids);
    }

    /**
     * The ids of the request, refused with a {@link BadQueryException} naming {@code ids} when it holds control
     * characters or more than {@value #MAX} distinct ids; fewer than two are for {@link #requireEnough()} to refuse,
     * since a page may offer one id as a start.
     */
    public static OverlapQuery parse(Map<String, List<String>> params, Set<String> known) {
        CatalogQuery.refuseUnknown(params, known);
        Set<String> ids = new LinkedHashSet<>();
        for (String value : params.getOrDefault("ids", List.of())) {
            if (value == null) {
                continue;
            }
            if (CONTROL.matcher(value).find()) {
                throw new BadQueryException("ids", "must not contain control characters or line breaks");
            }
            for (String piece : value.split(",", -1)) {
                String id = piece.strip();
                if (!id.isEmpty()) {
                    ids.add(id.length() > 200 ? Text.shorten(id) : id);
                }
            }
        }
        if (ids.size() > MAX) {
            throw new BadQueryException("ids", "must name at most " + MAX + " entries, not " + ids.size());
        }
        return new OverlapQuery(List.copyOf(ids));
    }

    /** Refuses a question about fewer than two entries. */
    public OverlapQuery requireEnough() {
        if (ids.size() < MIN) {
            throw new BadQueryException("ids", "must name at least " + MIN + " different entries, comma-separated"
                    + " (ids=a,b), not " + ids.size());
        }
        return this;
    }
}
