package org.imagingcatalog.publicweb.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.function.Supplier;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.imagingcatalog.publicweb.events.EntryConsumer;
import org.imagingcatalog.publicweb.events.ReadModelStatus;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The operator's rebuild: empties the read model and re-reads the whole topic. Guarded by the token in
 * {@code catalog.admin.token}; with no token configured the endpoint does not exist.
 */
@Path("/admin/rebuild")
@Produces(MediaType.APPLICATION_JSON)
public class AdminApi {

    private final EntryConsumer consumer;
    private final Optional<String> token;

    public AdminApi(EntryConsumer consumer, @ConfigProperty(name = "catalog.admin.token") Optional<String> token) {
        this.consumer = consumer;
        this.token = token.filter(t -> !t.isBlank());
    }

    @POST
    @Operation(summary = "Empty the read model and rebuild it from catalog.entries.v1 offset 0 (Bearer admin token)")
    public Response rebuild(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return guarded(authorization, () -> {
            ReadModelStatus before = consumer.status();
            consumer.requestRebuild();
            return Response.accepted(before).build();
        });
    }

    @GET
    @Operation(summary = "The read model consumer's state (Bearer admin token)")
    public Response status(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return guarded(authorization, () -> Response.ok(consumer.status()).build());
    }

    private Response guarded(String authorization, Supplier<Response> action) {
        if (token.isEmpty()) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        String expected = "Bearer " + token.get();
        if (authorization == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                authorization.getBytes(StandardCharsets.UTF_8))) {
            return Response.status(Response.Status.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
        }
        return action.get();
    }
}
