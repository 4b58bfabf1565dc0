package org.imagingcatalog.submission.api;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Framework refusals (415, 405, 404, ...) on the API answer problem+json like everything else there. */
public class ApiProblemMapper {

    @ServerExceptionMapper
    public Response map(WebApplicationException e, UriInfo uri) {
        Response original = e.getResponse();
        if (!uri.getPath().startsWith("/api/")) {
            return original;
        }
        int status = original.getStatus();
        String reason = original.getStatusInfo().getReasonPhrase();
        String detail = switch (status) {
            case 415 -> "Send the submission as application/json.";
            case 405 -> "This method is not allowed here.";
            case 404 -> "There is nothing at " + uri.getPath() + ".";
            default -> reason;
        };
        return Problem.of(reason.toLowerCase().replace(' ', '-'), reason, status, detail).toResponse();
    }
}
