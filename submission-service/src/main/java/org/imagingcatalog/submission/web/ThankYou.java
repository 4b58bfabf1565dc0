package org.imagingcatalog.submission.web;

import java.net.URI;

import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Post/Redirect/Get: a form that stored something answers 303 to the submission's tracking page, with a one-time
 * cookie (only for that page's path, HttpOnly, SameSite=Lax) that makes the page say thank you once; the page
 * clears it, so a reload shows the plain page and sends nothing again.
 */
final class ThankYou {

    static final String COOKIE = "submission-notice";
    static final String SUBMITTED = "submitted";
    static final String REVISED = "revised";
    private static final int MAX_AGE_SECONDS = 600;

    private ThankYou() {
    }

    static Response redirect(String token, String notice, UriInfo uri) {
        String path = "/track/" + token;
        return Response.seeOther(URI.create(path)).cookie(cookie(path, notice, MAX_AGE_SECONDS, uri)).build();
    }

    /** The notice the page shows (null when none): only the known ones, never text from the cookie. */
    static String notice(String cookie) {
        return SUBMITTED.equals(cookie) || REVISED.equals(cookie) ? cookie : null;
    }

    static NewCookie cleared(String token, UriInfo uri) {
        return cookie("/track/" + token, "", 0, uri);
    }

    private static NewCookie cookie(String path, String value, int maxAge, UriInfo uri) {
        return new NewCookie.Builder(COOKIE).value(value).path(path).maxAge(maxAge).httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX).secure("https".equals(uri.getBaseUri().getScheme())).build();
    }
}
