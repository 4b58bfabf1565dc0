package org.imagingcatalog.submission.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Pages that explain why a request was refused. */
public final class ErrorPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(int status, String title, String message);
    }

    private ErrorPages() {
    }

    public static Response page(int status, String title, String message) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(html(status, title, message)).build();
    }

    /** The rendered page, for callers outside Quarkus REST (Vert.x handlers). */
    public static String html(int status, String title, String message) {
        return Templates.page(status, title, message).render();
    }

    /** Deliberately says nothing about the hidden field, so a bot learns nothing. */
    public static Response honeypot() {
        return page(400, "Submission not accepted",
                "This submission could not be accepted. If you filled in the form yourself, reload it and send it again.");
    }
}
