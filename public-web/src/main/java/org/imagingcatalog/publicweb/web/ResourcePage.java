package org.imagingcatalog.publicweb.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.imagingcatalog.kit.licences.SpdxLicences;
import org.imagingcatalog.kit.licences.SpdxLicences.SpdxLicence;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.diff.ResourceDiff;
import org.imagingcatalog.kit.web.ErrorAnswers;
import org.imagingcatalog.publicweb.cache.Responses;
import org.imagingcatalog.publicweb.catalog.Change;
import org.imagingcatalog.publicweb.catalog.Entry;
import org.imagingcatalog.publicweb.catalog.Flag;
import org.imagingcatalog.publicweb.catalog.LinkHealth;
import org.imagingcatalog.publicweb.export.Bibtex;
import org.imagingcatalog.publicweb.export.SchemaOrg;
import org.imagingcatalog.publicweb.reading.CatalogReader;
import org.imagingcatalog.publicweb.web.ResourceView.ChangeRow;
import org.imagingcatalog.publicweb.web.ResourceView.LinkNote;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * One resource: every field (the licence with the SPDX id it maps to); what the latest check of its link found (a
 * broken, moved or changed link said plainly); what it is built from and what is built from it (drawn and listed),
 * how its labels were set, whose and what images it holds and its risk of bias; how to cite it; its change log; and
 * where to propose a change.
 */
@Path("/resources/{id}")
public class ResourcePage {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter CHECKED_ON = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance resource(ResourceView view);
    }

    private final CatalogReader catalog;
    private final Responses responses;
    private final SiteConfig site;
    private final ErrorAnswers answers;

    public ResourcePage(CatalogReader catalog, Responses responses, SiteConfig site, ErrorAnswers answers) {
        this.catalog = catalog;
        this.responses = responses;
        this.site = site;
        this.answers = answers;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response page(@PathParam("id") String id, @Context UriInfo uri, @Context HttpHeaders headers) {
        return responses.serve(uri, headers, "text/html; charset=UTF-8", () -> {
            Entry entry = catalog.entry(id).orElseThrow(() -> new WebApplicationException(answers.answer(uri.getPath(),
                    "not-found", 404, "Not found", "There is no resource with the id \"" + id + "\" in the catalog.")
                    .build()));
            return Templates.resource(view(entry, catalog.history(id), catalog.lineage(id), catalog.link(id))).render()
                    .getBytes(StandardCharsets.UTF_8);
        });
    }

    private ResourceView view(Entry entry, List<Change> history, Optional<CatalogReader.EntryLineage> lineage,
            LinkHealth link) {
        Resource r = entry.resource();
        List<Badge> flags = new ArrayList<>();
        for (Flag flag : Flag.values()) {
            flags.add(Badge.of(flag.label(), flag.of(r)));
        }
        List<ChangeRow> changes = history.stream().map(c -> new ChangeRow(c.version(),
                DAY.format(c.publishedAt().atZone(ZoneOffset.UTC)), c.status(), c.summary(),
                String.join(", ", c.changedFields().stream().map(ResourceDiff::label).toList()), c.reason())).toList();
        String encodedId = URLEncoder.encode(r.id(), StandardCharsets.UTF_8);
        SpdxLicence spdx = SpdxLicences.of(r.license());
        return new ResourceView(r.id(), r.name(), r.url(), r.description(), r.provider(), flags, r.access().label(),
                r.license(), spdx == null ? null : spdx.spdx(), spdx == null ? null : spdx.url(),
                String.join(", ", r.formats()), count(r.counts().patients()), count(r.counts().images()),
                count(r.counts().studies()), String.join(", ", r.annotations()), String.join(", ", r.tags()),
                r.version() == null ? 0 : r.version(), r.status() == null ? "ACTIVE" : r.status().name(),
                entry.withdrawn(), entry.reason(), DAY.format(entry.updatedAt().atZone(ZoneOffset.UTC)),
                citation(entry), Bibtex.entry(entry, site.base()),
                SchemaOrg.forScriptBlock(SchemaOrg.page(entry, site.base(),
                        lineage.map(CatalogReader.EntryLineage::graph).orElse(null))),
                site.submissionUrl() + "/correct/" + encodedId, site.submissionUrl() + "/withdraw/" + encodedId, changes,
                TrustViews.of(r, lineage), linkNote(link));
    }

    private static LinkNote linkNote(LinkHealth link) {
        if (!link.known()) {
            return new LinkNote("unknown", null, null, null, null, null);
        }
        String kind = switch (link.status()) {
            case OK -> "ok";
            case REDIRECTED -> "moved";
            case BROKEN -> "broken";
            case CHANGED -> "changed";
            case UNCHECKED -> "unchecked";
        };
        String movedTo = link.movedTo();
        boolean web = movedTo != null && movedTo.matches("(?i)https?://\\S+");
        return new LinkNote(kind, CHECKED_ON.format(link.checkedAt()), link.httpStatus(), movedTo, web ? movedTo : null,
                link.detail());
    }

    private String citation(Entry entry) {
        Resource r = entry.resource();
        StringBuilder text = new StringBuilder();
        if (r.provider() != null && !r.provider().isBlank()) {
            text.append(r.provider()).append(". ");
        }
        text.append(r.name()).append(". ").append(r.url()).append(". Listed in the Imaging Data Catalog, version ")
                .append(r.version()).append(", ").append(site.base()).append("/resources/").append(r.id()).append('.');
        return text.toString();
    }

    private static String count(Long value) {
        return value == null ? "unknown" : String.format("%,d", value);
    }
}
