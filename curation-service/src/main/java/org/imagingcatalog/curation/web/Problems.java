package org.imagingcatalog.curation.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.imagingcatalog.curation.actions.CurationProblem;
import org.imagingcatalog.model.validation.FieldError;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Turns refusals into answers: RFC 9457 problem+json for the API under /api/, an HTML page for the UI.
 * The API never redirects to a login page.
 */
public class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.valueOf("application/problem+json");
    private static final Logger LOG = Logger.getLogger(Problems.class);
    private static final String FORM_PARSER = "org.jboss.resteasy.reactive.server.core.multipart.FormEncodedDataDefinition";
    private static final String CSRF_FILTER = "io.quarkus.csrf.reactive.runtime.";

    @CheckedTemplate(basePath = "Problems")
    public static class Templates {
        public static native TemplateInstance error(int status, String title, String detail);
    }

    @ServerExceptionMapper
    public Response curationProblem(CurationProblem problem, UriInfo uri) {
        CurationProblem.Kind kind = problem.kind();
        if (isApi(uri)) {
            Map<String, Object> body = body(kind.status, kind.title, problem.getMessage(), uri);
            if (!problem.errors().isEmpty()) {
                body.put("errors", problem.errors().stream()
                        .map(e -> Map.of("field", e.field(), "message", e.message())).toList());
            }
            if (problem.currentVersion() != null) {
                body.put("currentVersion", problem.currentVersion());
            }
            Response.ResponseBuilder answer = Response.status(kind.status).type(PROBLEM_JSON).entity(body);
            if (problem.currentVersion() != null) {
                answer.tag(String.valueOf(problem.currentVersion()));
            }
            return answer.build();
        }
        return html(kind.status, kind.title, problem.getMessage() + fieldText(problem.errors()));
    }

    /** JAX-RS refusals (unreadable body, unknown route, wrong method or media type) in the same two forms. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status < 400) {
            return e.getResponse();
        }
        String title = Response.Status.fromStatusCode(status) == null ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase();
        String detail = e.getCause() instanceof JsonProcessingException json
                ? "The request body is not the JSON this route takes: " + json.getOriginalMessage()
                : e.getMessage();
        return answer(uri, status, title, detail).build();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        if (isApi(uri)) {
            return Response.status(401).type(PROBLEM_JSON)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"imaging-catalog\"")
                    .entity(body(401, "Authentication required",
                            "Send an access token from the imaging-catalog realm: Authorization: Bearer <token>.", uri))
                    .build();
        }
        return html(401, "Please log in", "Log in as a curator to use the curation pages.");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        String detail = "Only curators (role curator) may use the curation service.";
        if (isApi(uri)) {
            return Response.status(403).type(PROBLEM_JSON).entity(body(403, "Forbidden", detail, uri)).build();
        }
        return html(403, "Forbidden", detail + " You are logged in without that role.");
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
            return html(400, "Form expired", CsrfRefusal.MESSAGE);
        }
        if (!thrownBy(e, FORM_PARSER)) {
            LOG.error("Request failed", e);
            return Response.serverError().type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).entity("Internal Server Error")
                    .build();
        }
        return answer(uri, 400, "Unreadable form",
                "The form data could not be read: it has a broken %-escape. Nothing was changed.").build();
    }

    /** One problem in the two forms: problem+json on the API, the error page in the UI. */
    static Response.ResponseBuilder answer(UriInfo uri, int status, String title, String detail) {
        if (isApi(uri)) {
            return Response.status(status).type(PROBLEM_JSON).entity(body(status, title, detail, uri));
        }
        return page(status, title, detail);
    }

    private static boolean thrownBy(Throwable e, String classPrefix) {
        return Arrays.stream(e.getStackTrace()).anyMatch(f -> f.getClassName().startsWith(classPrefix));
    }

    private static boolean isApi(UriInfo uri) {
        return uri.getPath().startsWith("/api/");
    }

    private static Map<String, Object> body(int status, String title, String detail, UriInfo uri) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", uri.getPath());
        return body;
    }

    private static Response html(int status, String title, String detail) {
        return page(status, title, detail).build();
    }

    private static Response.ResponseBuilder page(int status, String title, String detail) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(status, title, detail).render());
    }

    private static String fieldText(List<FieldError> errors) {
        if (errors.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        for (FieldError e : errors) {
            s.append(' ').append(e.field()).append(": ").append(e.message()).append('.');
        }
        return s.toString();
    }
}
