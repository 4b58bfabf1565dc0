package org.imagingcatalog.submission.web;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.core.Response;

/** A logged-in user without the contributor role gets a page that says why, not a bare 403. */
public class ForbiddenPage {

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return ErrorPages.page(403, "For contributors only",
                "“My submissions” is for accounts with the contributor role. You can still propose resources without it.");
    }
}
