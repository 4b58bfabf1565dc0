package org.imagingcatalog.publicweb.web;

import java.util.Locale;

import org.imagingcatalog.kit.web.ErrorAnswers;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Refusals of the HTTP layer (405 for a POST, 406 for an Accept no route offers, ...) answer with a message
 * like every other refusal: problem+json on the API, the exports and the feed, a page elsewhere.
 */
public class Refusals {

    private final ErrorAnswers answers;

    public Refusals(ErrorAnswers answers) {
        this.answers = answers;
    }

    @ServerExceptionMapper
    public Response refused(WebApplicationException e, UriInfo uri) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status < 400 || original.hasEntity()) {
            return original;
        }
        String title = original.getStatusInfo().getReasonPhrase();
        String detail = switch (status) {
            case 405 -> "The catalog is read-only: this address answers GET (and HEAD) only.";
            case 406 -> "This address has no representation of the type the Accept header asks for; "
                    + "the API answers application/json, pages text/html, exports their own type.";
            case 404 -> "There is nothing at this address.";
            default -> title + ".";
        };
        return answers.answer(uri.getPath(), slug(title), status, title, detail).build();
    }

    /** "Method Not Allowed" becomes the problem type's slug "method-not-allowed". */
    private static String slug(String reasonPhrase) {
        return reasonPhrase.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
