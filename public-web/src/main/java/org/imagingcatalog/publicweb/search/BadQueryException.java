package org.imagingcatalog.publicweb.search;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Query parameters the catalog cannot use: a bad value of a known parameter, or parameters the address does not
 * know. Names each parameter so the caller can fix it.
 */
public class BadQueryException extends RuntimeException {

    /** One refused parameter and what is wrong with it (a phrase that follows the parameter's name). */
    public record Refusal(String parameter, String problem) {
    }

    private final List<Refusal> refusals;

    public BadQueryException(String parameter, String problem) {
        this(List.of(new Refusal(parameter, problem)));
    }

    public BadQueryException(List<Refusal> refusals) {
        super(refusals.stream().map(r -> r.parameter() + ": " + r.problem()).collect(Collectors.joining("; ")));
        if (refusals.isEmpty()) {
            throw new IllegalArgumentException("a refusal names at least one parameter");
        }
        this.refusals = List.copyOf(refusals);
    }

    /** Every refused parameter, in a stable order. */
    public List<Refusal> refusals() {
        return refusals;
    }

    /** The first refused parameter. */
    public String parameter() {
        return refusals.get(0).parameter();
    }

    /** What is wrong with the first refused parameter. */
    public String problem() {
        return refusals.get(0).problem();
    }

    /** Whether every refused parameter is one the address does not know (rather than a bad value). */
    public boolean unknownParametersOnly() {
        return refusals.stream().allMatch(r -> r.problem().startsWith(CatalogQuery.UNKNOWN));
    }

    /** The refusal as sentences, for a problem's detail or the page's error summary. */
    public String detail() {
        return refusals.stream().map(r -> "The query parameter \"" + r.parameter() + "\" " + r.problem() + ".")
                .collect(Collectors.joining(" "));
    }
}
