package org.imagingcatalog.kit.web;

import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imagingcatalog.model.database.DatabaseOutage;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * While the database cannot be reached, a request that needs it answers 503 with Retry-After and a
 * clear message, never an internal error. Any other failure of these kinds stays a 500 that shows only
 * an error id; the log holds the rest.
 */
public class DatabaseUnavailable {

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailable.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    private final ErrorAnswers answers;
    private final String serviceTitle;

    /** @param serviceTitle how the service names itself to its users, e.g. "The submission service" */
    public DatabaseUnavailable(ErrorAnswers answers, @ConfigProperty(name = "catalog.web.service-title") String serviceTitle) {
        this.answers = answers;
        this.serviceTitle = serviceTitle;
    }

    @ServerExceptionMapper({ PersistenceException.class, IllegalStateException.class, TransactionalException.class,
            QuarkusTransactionException.class })
    public Response map(RuntimeException e, UriInfo uri) {
        String path = uri.getPath();
        if (DatabaseOutage.explains(e)) {
            LOG.warnf("%s answered 503: the database cannot be reached (%s)", path, e.getClass().getSimpleName());
            return answers.answer(path, "service-unavailable", 503, "Temporarily unavailable",
                    serviceTitle + " cannot reach its database right now. Please try again in a minute.")
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
        }
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "%s failed, error id %s", path, id);
        return answers.answer(path, "internal-error", 500, "Something went wrong",
                "The request failed on our side (error id " + id + ").").build();
    }
}
