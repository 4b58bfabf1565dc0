package org.imagingcatalog.submission.web;

import java.util.UUID;

import org.imagingcatalog.model.database.DatabaseOutage;
import org.imagingcatalog.submission.api.Problem;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * While the database cannot be reached, a request that needs it answers 503 with Retry-After and a
 * clear message (problem+json on the API, a page elsewhere), never an internal error. Any other
 * failure of these kinds stays a 500 that shows only an error id; the log holds the rest.
 */
public class DatabaseUnavailable {

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailable.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    @ServerExceptionMapper({ PersistenceException.class, IllegalStateException.class, TransactionalException.class })
    public Response map(RuntimeException e, UriInfo uri) {
        boolean api = uri.getPath().startsWith("/api/");
        if (DatabaseOutage.explains(e)) {
            LOG.warnf("%s answered 503: the database cannot be reached (%s)", uri.getPath(), e.getClass().getSimpleName());
            String detail = "The submission service cannot reach its database right now. Please try again in a minute.";
            Response answer = api
                    ? Problem.of("service-unavailable", "Service unavailable", 503, detail).toResponse()
                    : ErrorPages.page(503, "Temporarily unavailable", detail);
            return Response.fromResponse(answer).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
        }
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "%s failed, error id %s", uri.getPath(), id);
        String detail = "The request failed on our side (error id " + id + ").";
        return api ? Problem.of("internal-error", "Internal error", 500, detail).toResponse()
                : ErrorPages.page(500, "Something went wrong", detail);
    }
}
