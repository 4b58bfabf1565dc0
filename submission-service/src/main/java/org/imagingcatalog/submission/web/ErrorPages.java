package org.imagingcatalog.submission.web;

import org.imagingcatalog.kit.web.ErrorPage;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;

/** This service's error page, in its own layout: what the kit's error answers show to people. */
@ApplicationScoped
public class ErrorPages implements ErrorPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(int status, String title, String message);
    }

    @Override
    public String html(int status, String title, String message) {
        return Templates.page(status, title, message).render();
    }
}
