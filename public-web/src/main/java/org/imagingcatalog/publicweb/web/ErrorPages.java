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
    }

    public Response notFound(String message) {
        return Response.status(404).type("text/html; charset=UTF-8").entity(Templates.notFound(message).render()).build();
    }
}
