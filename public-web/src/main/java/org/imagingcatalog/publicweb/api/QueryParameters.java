package org.imagingcatalog.publicweb.api;

import java.util.List;

import org.imagingcatalog.kit.web.ErrorAnswers;
import org.imagingcatalog.kit.web.Problem;
import org.imagingcatalog.model.validation.FieldError;
import org.imagingcatalog.publicweb.search.BadQueryException;
import org.imagingcatalog.publicweb.search.CatalogQuery;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.UriInfo;

/** The catalog query of a request programs read; a bad parameter answers 400 problem+json that names it. */
final class QueryParameters {

    private QueryParameters() {
    }

    static CatalogQuery parse(UriInfo uri, ErrorAnswers answers) {
        try {
            return CatalogQuery.parse(uri.getQueryParameters());
        } catch (BadQueryException e) {
            throw new WebApplicationException(answers.answer(uri.getPath(), invalid(e)).build());
        }
    }

    private static Problem invalid(BadQueryException e) {
        return Problem.of("invalid-query", 400, "Invalid query parameter",
                "The query parameter \"" + e.parameter() + "\" " + e.problem() + ".")
                .withErrors(List.of(new FieldError(e.parameter(), e.problem())));
    }
}
