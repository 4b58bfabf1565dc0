package org.imagingcatalog.submission.abuse;

import java.util.Arrays;

import org.imagingcatalog.kit.web.ErrorAnswers;
import org.imagingcatalog.kit.web.Problem;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Two kinds of unreadable form make the framework throw {@link IllegalArgumentException}: a body with a broken
 * percent-escape ("%ZZ", a lone "%") fails in the REST layer's form parser, and a CSRF token that is not even
 * base64 fails in the CSRF filter. Both are the sender's bad input (400), not server errors. Any other
 * {@code IllegalArgumentException} stays what it was, an internal error, logged.
 */
public class UndecodableForm {

    private static final Logger LOG = Logger.getLogger(UndecodableForm.class);
    private static final String FORM_PARSER = "org.jboss.resteasy.reactive.server.core.multipart.FormEncodedDataDefinition";
    private static final String CSRF_FILTER = "io.quarkus.csrf.reactive.runtime.";

    private final ErrorAnswers answers;

    public UndecodableForm(ErrorAnswers answers) {
        this.answers = answers;
    }

    @ServerExceptionMapper
    public Response map(IllegalArgumentException e, UriInfo uri) {
        if (thrownBy(e, CSRF_FILTER)) {
            return answers.page(400, "Form expired", AbuseFilters.CSRF_REFUSAL).build();
        }
        if (!thrownBy(e, FORM_PARSER)) {
            LOG.error("Request failed", e);
            return Response.serverError().type("text/plain;charset=UTF-8").entity("Internal Server Error").build();
        }
        String detail = "The form data could not be read: it has a broken %-escape. Nothing was stored.";
        String path = uri.getPath();
        if (answers.forMachines(path)) {
            return Problem.of("unreadable-form", 400, "Unreadable form", detail).at(path).toResponse();
        }
        return answers.page(400, "Unreadable form", detail + " Reload the form and send it again.").build();
    }

    static boolean thrownBy(Throwable e, String classPrefix) {
        return Arrays.stream(e.getStackTrace()).anyMatch(frame -> frame.getClassName().startsWith(classPrefix));
    }
}
