package org.imagingcatalog.submission.web;

import org.imagingcatalog.submission.proposals.CurrentContributor;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** How curation works, with links to the forms. */
@Path("/")
public class HomePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(CurrentContributor contributor);
    }

    private final CurrentContributor contributor;

    public HomePage(CurrentContributor contributor) {
        this.contributor = contributor;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance home() {
        return Templates.home(contributor);
    }
}
