package org.imagingcatalog.curation.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.imagingcatalog.curation.curating.CurationProblem;
import org.imagingcatalog.curation.security.CuratorGuard;
import org.imagingcatalog.kit.web.ErrorAnswers;
import org.imagingcatalog.kit.web.Problem;
import org.imagingcatalog.model.Roles;
import org.imagingcatalog.model.validation.FieldError;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Turns curation's refusals into answers: RFC 9457 problem+json on a machine path (the API), the error page
 * for people. The API never redirects to a login page.
 */
public class Problems {

    private static final Logger LOG = Logger.getLogger(Problems.class);
    private static final String FORM_PARSER = "org.jboss.resteasy.reactive.server.core.multipart.FormEncodedDataDefinition";
    private static final String CSRF_FILTER = "io.quarkus.csrf.reactive.runtime.";

    private final ErrorAnswers answers;
    private final CuratorGuard guard;

    public Problems(ErrorAnswers answers, CuratorGuard guard) {
        this.answers = answers;
        this.guard = guard;
    }

    @ServerExceptionMapper
    public Response curationProblem(CurationProblem problem, UriInfo uri) {
        CurationProblem.Kind kind = problem.kind();
        String path = uri.getPath();
        if (!answers.forMachines(path)) {
            return answers.page(kind.status, kind.title, problem.getMessage() + fieldText(problem.errors())).build();
        }
        Problem body = Problem.of(kind.slug, kind.status, kind.title, problem.getMessage()).at(path)
                .withErrors(problem.errors());
        if (problem.currentVersion() == null) {
            return body.toResponse();
        }
        return body.with("currentVersion", problem.currentVersion()).toResponseBuilder()
                .tag(String.valueOf(problem.currentVersion())).build();
    }

    /** JAX-RS refusals (unreadable body, unknown route, wrong method or media type) in the same two forms. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status < 400) {
            return e.getResponse();
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        if (e.getCause() instanceof JsonProcessingException json) {
            return answers.answer(uri.getPath(), "malformed-json", status, title,
                    "The request body is not the JSON this route takes: " + json.getOriginalMessage()).build();
        }
        String slug = known == null ? "error" : title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return answers.answer(uri.getPath(), slug, status, title, e.getMessage()).build();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        String path = uri.getPath();
        if (answers.forMachines(path)) {
            return Problem.of("authentication-required", 401, "Authentication required",
                    "Send an access token from the imaging-catalog realm: Authorization: Bearer <token>.").at(path)
                    .toResponseBuilder().header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"imaging-catalog\"").build();
        }
        return answers.page(401, "Please log in", "Log in as a curator to use the curation pages.").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        String path = uri.getPath();
        if (answers.forMachines(path)) {
            String detail = path.startsWith("/api/v1/audit")
                    ? "Only catalog administrators (role " + Roles.CATALOG_ADMIN + ") may read the whole audit log "
                            + "through the API; curators read it on the audit page."
                    : "Only curators (role " + Roles.CURATOR + ") may use the curation service.";
            return Problem.of("forbidden", 403, "Forbidden", detail).at(path).toResponse();
        }
        if (path.startsWith("/audit")) {
            return answers.page(403, "Forbidden", "Only curators and catalog administrators may read the audit log."
                    + " You are logged in without either role.").build();
        }
        return answers.page(403, "Forbidden", "Only curators (role " + Roles.CURATOR + ") may use the curation service."
                + (guard.isCatalogAdmin() ? " As a catalog administrator you may read the audit log (Audit, above)."
                        : " You are logged in without that role.")).build();
    }

    /**
     * A form body with a broken percent-escape ("%ZZ") makes the REST layer's form parser throw
     * IllegalArgumentException, and so does the CSRF filter for a token that is not base64: the sender's bad
     * input (400), not a server error. Any other IllegalArgumentException stays an internal error, logged.
     */
    @ServerExceptionMapper
    public Response undecodableForm(IllegalArgumentException e, UriInfo uri) {
        if (thrownBy(e, CSRF_FILTER)) {
            // a CSRF token that is not even base64: as refused as a wrong one
            return answers.page(400, "Form expired", CsrfRefusal.MESSAGE).build();
        }
        if (!thrownBy(e, FORM_PARSER)) {
            LOG.error("Request failed", e);
            return Response.serverError().type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).entity("Internal Server Error")
                    .build();
        }
        return answers.answer(uri.getPath(), "unreadable-form", 400, "Unreadable form",
                "The form data could not be read: it has a broken %-escape. Nothing was changed.").build();
    }

    private static boolean thrownBy(Throwable e, String classPrefix) {
        return Arrays.stream(e.getStackTrace()).anyMatch(f -> f.getClassName().startsWith(classPrefix));
    }

    private static String fieldText(List<FieldError> errors) {
        StringBuilder s = new StringBuilder();
        for (FieldError e : errors) {
            s.append(' ').append(e.field()).append(": ").append(e.message()).append('.');
        }
        return s.toString();
    }
}
