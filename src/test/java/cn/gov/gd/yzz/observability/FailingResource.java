package cn.gov.gd.yzz.observability;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/**
 * Test-only: an operation that fails on the service's side, so that a test sees a real 500 answer, its incident id
 * and its log line. In src/test only: never served by the built service, not part of the contract.
 */
@Path("/test-only/failure")
public class FailingResource {

    @GET
    @PermitAll
    public String fail() {
        throw new IllegalStateException("a bug, on purpose");
    }
}
