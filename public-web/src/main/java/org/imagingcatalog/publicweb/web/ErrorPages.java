package org.imagingcatalog.publicweb.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

/** HTML error pages in the site's layout. */
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

    public Response notFound(String message) {
        return Response.status(404).type("text/html; charset=UTF-8").entity(Templates.notFound(message).render()).build();
    }
}
