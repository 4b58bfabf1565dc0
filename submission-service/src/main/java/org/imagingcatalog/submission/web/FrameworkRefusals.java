package org.imagingcatalog.submission.web;

import org.imagingcatalog.kit.web.ErrorAnswers;
import org.imagingcatalog.kit.web.Problem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Framework refusals (415, 405, 404, ...) answer like everything else: problem+json on the API, a page
 * that says why everywhere else (never an empty body).
 */
public class FrameworkRefusals {

    private final ErrorAnswers answers;

    public FrameworkRefusals(ErrorAnswers answers) {
        this.answers = answers;
    }

    @ServerExceptionMapper
    public Response map(WebApplicationException e, UriInfo uri) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status < 400 || original.hasEntity()) {
            return original;
        }
        String path = uri.getPath();
        String reason = original.getStatusInfo().getReasonPhrase();
        if (!answers.forMachines(path)) {
            return answers.page(status, reason, switch (status) {
                case 404 -> "There is no page at this address. Start again from the contribution page.";
                case 405 -> "This address does not take this kind of request.";
                case 406 -> "This page is only available as HTML.";
                case 415 -> "Send the form as the browser does (application/x-www-form-urlencoded).";
                default -> reason + ".";
            }).build();
        }
        String detail = switch (status) {
            case 415 -> "Send the submission as application/json.";
            case 405 -> "This method is not allowed here.";
            case 404 -> "There is nothing at " + path + ".";
            case 406 -> "This API answers application/json (errors as application/problem+json).";
            default -> reason;
        };
        return Problem.of(reason.toLowerCase().replace(' ', '-'), status, reason, detail).at(path).toResponse();
    }
}
