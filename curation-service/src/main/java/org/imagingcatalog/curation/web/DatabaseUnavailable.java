package org.imagingcatalog.curation.web;

import java.util.UUID;

import org.imagingcatalog.model.database.DatabaseOutage;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * While the database cannot be reached, a request that needs it answers 503 with Retry-After and a
 * clear message (problem+json on the API, a page in the UI), never an internal error. Any other
 * failure of these kinds stays a 500 that shows only an error id; the log holds the rest.
 */
public class DatabaseUnavailable {

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailable.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    @ServerExceptionMapper({ PersistenceException.class, IllegalStateException.class, TransactionalException.class })
    public Response map(RuntimeException e, UriInfo uri) {
        if (DatabaseOutage.explains(e)) {
            LOG.warnf("%s answered 503: the database cannot be reached (%s)", uri.getPath(), e.getClass().getSimpleName());
            return Problems.answer(uri, 503, "Service unavailable",
                    "The curation service cannot reach its database right now. Please try again in a minute.")
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
        }
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "%s failed, error id %s", uri.getPath(), id);
        return Problems.answer(uri, 500, "Internal error", "The request failed on our side (error id " + id + ").").build();
    }
}
