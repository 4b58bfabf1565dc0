package org.imagingcatalog.curation.web;

import org.imagingcatalog.kit.web.ErrorAnswers;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

/** The CSRF filter refuses a form without its token with a bare 400; this page says why. */
public class CsrfRefusal {

    static final String MESSAGE = "This form was sent without a valid security token (it may have been open too long,"
            + " or cookies are blocked). Nothing was changed. Go back, reload the page and send the form again.";

    private final ErrorAnswers answers;

    public CsrfRefusal(ErrorAnswers answers) {
        this.answers = answers;
    }

    @ServerResponseFilter
    public void explain(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == 400 && !response.hasEntity() && "POST".equals(request.getMethod())
                && !answers.forMachines(request.getUriInfo().getPath())) {
            response.setEntity(answers.pageHtml(400, "Form expired", MESSAGE), null, ErrorAnswers.HTML);
        }
    }
}
