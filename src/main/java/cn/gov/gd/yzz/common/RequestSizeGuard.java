package cn.gov.gd.yzz.common;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses a body announced larger than the HTTP body limit before any of it is read, with the same problem answer
 * as every other error (the HTTP layer's own refusal would be a bare 413).
 */
@ApplicationScoped
public class RequestSizeGuard {

    void install(@Observes Router router) {
        long limit = ConfigProvider.getConfig().getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class)
                .map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
        String body = "{\"type\":\"urn:yzz:problem:payload-too-large\",\"code\":\"payload-too-large\","
                + "\"title\":\"Payload too large\",\"status\":413,\"detail\":\"A request body may have at most "
                + limit + " bytes\"}";
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && length.length() < 19 && !length.isBlank() && length.chars().allMatch(Character::isDigit)
                    && Long.parseLong(length) > limit) {
                ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close").end(body);
                return;
            }
            ctx.next();
        });
    }
}
