package org.imagingcatalog.submission.home;

import org.imagingcatalog.submission.web.CurrentContributor;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/")
public class HomeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(CurrentContributor contributor);
    }

    private final CurrentContributor contributor;

    public HomeResource(CurrentContributor contributor) {
        this.contributor = contributor;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance home() {
        return Templates.home(contributor);
    }
}
