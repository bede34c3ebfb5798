package cn.gov.gd.yzz.common;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The cheapest answer the API gives: kiosks probe it to tell "village network down" from "service down" before
 * retrying their buffered work, and the benchmarks use it as the baseline every other endpoint is compared with.
 */
@Path("/api/v1/ping")
@Tag(name = "operations")
@jakarta.annotation.security.PermitAll
public class PingResource {

    public record Pong(String status) {
    }

    private static final Pong PONG = new Pong("ok");

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Connectivity probe; touches neither the database nor the object store")
    public Pong ping() {
        return PONG;
    }
}
