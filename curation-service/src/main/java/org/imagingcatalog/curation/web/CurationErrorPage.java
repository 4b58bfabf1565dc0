package org.imagingcatalog.curation.web;

import org.imagingcatalog.kit.web.ErrorPage;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;

/** The curation service's error page, in its layout, wherever a person rather than a program reads a refusal. */
@ApplicationScoped
public class CurationErrorPage implements ErrorPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String title, String detail);
    }

    @Override
    public String html(int status, String title, String message) {
        return Templates.error(status, title, message).render();
    }
}
