package org.imagingcatalog.submission.web;

import org.imagingcatalog.kit.web.ErrorAnswers;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.core.Response;

/** A logged-in user without the contributor role gets a page that says why, not a bare 403. */
public class ForbiddenRefusal {

    private final ErrorAnswers answers;

    public ForbiddenRefusal(ErrorAnswers answers) {
        this.answers = answers;
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return answers.page(403, "For contributors only",
                "“My submissions” is for accounts with the contributor role. You can still propose resources without it.")
                .build();
    }
}
