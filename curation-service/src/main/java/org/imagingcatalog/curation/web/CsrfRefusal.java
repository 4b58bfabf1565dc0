package org.imagingcatalog.curation.web;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;

/** The CSRF filter refuses a form without its token with a bare 400; this page says why. */
public class CsrfRefusal {

    static final String MESSAGE = "This form was sent without a valid security token (it may have been open too long,"
            + " or cookies are blocked). Nothing was changed. Go back, reload the page and send the form again.";

    @ServerResponseFilter
    public void explain(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == 400 && !response.hasEntity() && "POST".equals(request.getMethod())
                && !request.getUriInfo().getPath().startsWith("/api/")) {
            response.setEntity(Problems.Templates.error(400, "Form expired", MESSAGE).render(),
                    null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        }
    }
}
