package org.imagingcatalog.kit.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** One refusal or failure in the form its reader takes: problem+json for programs, the error page for people. */
@ApplicationScoped
public class ErrorAnswers {

    public static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    private final MachinePaths machinePaths;
    private final ErrorPage errorPage;

    public ErrorAnswers(MachinePaths machinePaths, ErrorPage errorPage) {
        this.machinePaths = machinePaths;
        this.errorPage = errorPage;
    }

    public boolean forMachines(String path) {
        return machinePaths.matches(path);
    }

    /** {@code problem} as problem+json on a machine path, else as the error page with the same title and detail. */
    public Response.ResponseBuilder answer(String path, Problem problem) {
        if (forMachines(path)) {
            return problem.at(path).toResponseBuilder();
        }
        return page(problem.getStatus(), problem.getTitle(), problem.getDetail());
    }

    public Response.ResponseBuilder answer(String path, String slug, int status, String title, String detail) {
        return answer(path, Problem.of(slug, status, title, detail));
    }

    public Response.ResponseBuilder page(int status, String title, String message) {
        return Response.status(status).type(HTML).entity(errorPage.html(status, title, message));
    }

    public String pageHtml(int status, String title, String message) {
        return errorPage.html(status, title, message);
    }
}
