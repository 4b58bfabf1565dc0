package org.imagingcatalog.publicweb.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

/** Error answers: problem+json for the API, the exports and the feed; pages in the site's layout elsewhere. */
@ApplicationScoped
public class ErrorPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance notFound(String message);

        static native TemplateInstance refused(String title, String message);
    }

    /** A refusal of the HTTP layer (wrong method, unacceptable type ...) as a page that says why. */
    public Response refused(int status, String title, String message) {
        return Response.status(status).type("text/html; charset=UTF-8").entity(Templates.refused(title, message).render())
                .build();
    }

    /** A refusal or failure in the form the path's clients read. */
    public Response forPath(String path, int status, String title, String message) {
        if (path.startsWith("/api/") || path.startsWith("/export/") || path.startsWith("/feed")) {
            return Problems.of(status, title, message);
        }
        return refused(status, title, message);
    }

    public Response notFound(String message) {
        return Response.status(404).type("text/html; charset=UTF-8").entity(Templates.notFound(message).render()).build();
    }
}
