package org.imagingcatalog.publicweb.api;

import org.imagingcatalog.kit.web.ErrorAnswers;
import org.imagingcatalog.kit.web.Problem;
import org.imagingcatalog.model.validation.FieldError;
import org.imagingcatalog.publicweb.search.BadQueryException;
import org.imagingcatalog.publicweb.search.CatalogQuery;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.UriInfo;

/**
 * The catalog query of a request programs read; a parameter the address does not know, or a bad value, answers
 * 400 problem+json that names each refused parameter in {@code errors[].field}.
 */
final class QueryParameters {

    private QueryParameters() {
    }

    static CatalogQuery parse(UriInfo uri, ErrorAnswers answers, CatalogQuery.Route route) {
        try {
            return CatalogQuery.parse(uri.getQueryParameters(), route);
        } catch (BadQueryException e) {
            throw new WebApplicationException(answers.answer(uri.getPath(), invalid(e)).build());
        }
    }

    private static Problem invalid(BadQueryException e) {
        return Problem.of("invalid-query", 400, "Invalid query parameter", e.detail())
                .withErrors(e.refusals().stream().map(r -> new FieldError(r.parameter(), r.problem())).toList());
    }
}
