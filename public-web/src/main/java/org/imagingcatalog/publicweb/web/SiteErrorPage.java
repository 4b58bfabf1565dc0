package org.imagingcatalog.publicweb.web;

import org.imagingcatalog.kit.web.ErrorPage;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The catalog's error page in the site's layout: what a person reads when a page is refused, not found or
 * failed. The kit's {@code ErrorAnswers} picks it for every path programs do not read.
 */
@ApplicationScoped
public class SiteErrorPage implements ErrorPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance refused(String title, String message);
    }

    @Override
    public String html(int status, String title, String message) {
        return Templates.refused(title, message).render();
    }
}
