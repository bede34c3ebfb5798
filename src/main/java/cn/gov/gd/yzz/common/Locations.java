package cn.gov.gd.yzz.common;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * {@code Location} headers are paths on this service, a relative reference (RFC 9110, 10.2.2) that the client
 * resolves against the URL it called. JAX-RS's {@code location(URI)} would resolve the path against the request's
 * {@code Host} header instead, so a forged Host turned the link into one to another site.
 */
public final class Locations {

    private Locations() {
    }

    /** 201 Created with the new resource's path as its {@code Location}. */
    public static Response.ResponseBuilder created(String path) {
        return at(Response.status(Response.Status.CREATED), path);
    }

    public static Response.ResponseBuilder at(Response.ResponseBuilder answer, String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("not a path: " + path);
        }
        return answer.header(HttpHeaders.LOCATION, path);
    }
}
