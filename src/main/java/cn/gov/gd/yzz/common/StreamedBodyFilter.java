package cn.gov.gd.yzz.common;

import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Gives an endpoint that takes its body as an {@code InputStream} the {@link StreamedBody} the HTTP layer set up,
 * instead of Quarkus REST's own stream, which would read the connection from a worker thread with no pace check.
 */
public class StreamedBodyFilter {

    @ServerRequestFilter
    public void useStreamedBody(ContainerRequestContext request, RoutingContext http) {
        StreamedBody body = http.get(StreamedBody.KEY);
        if (body != null) {
            request.setEntityStream(body);
        }
    }
}
