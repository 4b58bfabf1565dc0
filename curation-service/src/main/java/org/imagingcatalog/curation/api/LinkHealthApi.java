package org.imagingcatalog.curation.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagingcatalog.curation.linkhealth.AttentionRow;
import org.imagingcatalog.curation.linkhealth.LineDiff;
import org.imagingcatalog.curation.linkhealth.LinkHealthActions;
import org.imagingcatalog.curation.linkhealth.LinkHealthActions.Attention;
import org.imagingcatalog.model.Roles;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** What needs a curator's attention in the catalog's links, as JSON (the attention page's rows). */
@Path("/api/v1/link-health")
@RolesAllowed(Roles.CURATOR)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Link health")
@SecurityRequirement(name = "keycloak")
public class LinkHealthApi {

    /** One address: {@code status} BROKEN, REDIRECTED, CHANGED or UNCHECKED; {@code edit} the entry's edit page. */
    public record Item(String resourceId, String name, String url, String kind, String status, Integer httpStatus,
            String movedTo, String detail, Instant checkedAt, Instant since, String edit, List<LineDiff.Line> changes) {

        static Item of(AttentionRow r) {
            return new Item(r.resourceId(), r.entryName(), r.url(), r.kind(), r.attention().name(), r.httpStatus(),
                    r.movedTo(), r.detail(), r.checkedAt(), r.since(), "/resources/" + r.resourceId() + "/edit", r.changes());
        }
    }

    public record LinkHealth(List<Item> items, Map<String, Long> counts, String status, String sort, boolean checking) {
    }

    private final LinkHealthActions actions;

    public LinkHealthApi(LinkHealthActions actions) {
        this.actions = actions;
    }

    @GET
    @Operation(summary = "Addresses of active entries that are broken, moved, changed or long unchecked",
            description = "status: BROKEN, REDIRECTED, CHANGED or UNCHECKED (empty: all). sort: status (default), entry, "
                    + "checked or since, a leading - reverses it. Bad values answer 400 naming them. counts: how many of "
                    + "each status in all; checking: whether this installation checks links (catalog.linkcheck.enabled).")
    public LinkHealth linkHealth(@QueryParam("status") String status, @QueryParam("sort") String sort) {
        Attention attention = actions.attention(status, sort);
        return new LinkHealth(attention.rows().stream().map(Item::of).toList(), attention.counts(), attention.status(),
                attention.sort(), attention.checking());
    }
}
