package org.imagingcatalog.publicweb.api;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.imagingcatalog.publicweb.search.RawQuery;
import org.imagingcatalog.kit.web.ErrorAnswers;
import org.imagingcatalog.kit.web.Problem;
import org.imagingcatalog.model.validation.FieldError;
import org.imagingcatalog.publicweb.reading.UnknownEntriesException;
import org.imagingcatalog.publicweb.search.BadQueryException;
import org.imagingcatalog.publicweb.search.CatalogQuery;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.UriInfo;

/**
 * The query of a request programs read; a parameter the address does not know, or a bad value, answers 400
 * problem+json that names each refused parameter in {@code errors[].field}.
 */
final class QueryParameters {

    private QueryParameters() {
    }

    static CatalogQuery parse(UriInfo uri, ErrorAnswers answers, CatalogQuery.Route route) {
        return parse(uri, answers, params -> CatalogQuery.parse(params, route));
    }

    /** Refuses any parameter: for an address that takes none. */
    static void none(UriInfo uri, ErrorAnswers answers) {
        parse(uri, answers, params -> {
            CatalogQuery.refuseUnknown(params, Set.of());
            return null;
        });
    }

    static <T> T parse(UriInfo uri, ErrorAnswers answers, Function<Map<String, List<String>>, T> parser) {
        try {
            return parser.apply(RawQuery.parameters(uri));
        } catch (BadQueryException e) {
            throw invalid(uri, answers, e);
        }
    }

    static WebApplicationException invalid(UriInfo uri, ErrorAnswers answers, BadQueryException e) {
        return new WebApplicationException(answers.answer(uri.getPath(), problem(e)).build());
    }

    /** 404 naming every id that is no entry's, in {@code errors} (field {@code ids}) and {@code unknownIds}. */
    static WebApplicationException unknown(UriInfo uri, ErrorAnswers answers, UnknownEntriesException e) {
        Problem problem = Problem.of("not-found", 404, "Not found", e.detail())
                .withErrors(e.ids().stream().map(id -> new FieldError("ids", "no entry has the id \"" + id + "\""))
                        .toList())
                .with("unknownIds", e.ids());
        return new WebApplicationException(answers.answer(uri.getPath(), problem).build());
    }

    private static Problem problem(BadQueryException e) {
        return Problem.of("invalid-query", 400, "Invalid query parameter", e.detail())
                .withErrors(e.refusals().stream().map(r -> new FieldError(r.parameter(), r.problem())).toList());
    }
}
