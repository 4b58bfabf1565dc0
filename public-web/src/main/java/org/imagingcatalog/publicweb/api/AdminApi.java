package org.imagingcatalog.publicweb.api;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagingcatalog.kit.web.ErrorAnswers;
import org.imagingcatalog.kit.web.Problem;
import org.imagingcatalog.model.Roles;
import org.imagingcatalog.publicweb.events.EntryConsumer;
import org.imagingcatalog.publicweb.events.ReadModelStatus;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The operator's rebuild: empties the read model and re-reads the whole topic. Only the realm's
 * {@code catalog-admin} role may ask, with a bearer access token checked against Keycloak (quarkus-oidc as a
 * bearer-only service); no token answers 401, another role 403. Authentication is not proactive: only these routes
 * ever look at a token, so the public pages never wait for Keycloak.
 */
@Path("/admin/rebuild")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CATALOG_ADMIN)
@Tag(name = "Operator", description = "Bearer access token of a user with the catalog-admin realm role")
@APIResponse(responseCode = "401", description = "no token, or not a valid token of the realm",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "a valid token without the catalog-admin role",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AdminApi {

    private final EntryConsumer consumer;
    private final ErrorAnswers answers;

    public AdminApi(EntryConsumer consumer, ErrorAnswers answers) {
        this.consumer = consumer;
        this.answers = answers;
    }

    @POST
    @Operation(summary = "Empty the read model and rebuild it from catalog.entries.v1 offset 0 (catalog-admin)")
    @APIResponse(responseCode = "202", description = "the rebuild is under way; the consumer's state before it")
    public Response rebuild() {
        ReadModelStatus before = consumer.status();
        consumer.requestRebuild();
        return Response.accepted(before).build();
    }

    @GET
    @Operation(summary = "The read model consumer's state: rebuilds, caught up (catalog-admin)")
    public ReadModelStatus status() {
        return consumer.status();
    }

    /** No token, or one the realm did not sign or that expired: a problem that says what the route needs. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return answers.answer(uri.getPath(), "unauthorized", 401, "Unauthorized",
                "Rebuilding the catalog's read model needs a valid bearer access token of the imaging-catalog realm"
                        + " of a user with the " + Roles.CATALOG_ADMIN + " role.")
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return answers.answer(uri.getPath(), "forbidden", 403, "Forbidden",
                "Rebuilding the catalog's read model needs the " + Roles.CATALOG_ADMIN + " role.").build();
    }
}
