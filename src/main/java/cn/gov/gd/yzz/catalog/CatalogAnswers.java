package cn.gov.gd.yzz.catalog;

import cn.gov.gd.yzz.catalog.CatalogService.Tagged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/**
 * Catalog answers with their weak ETag and caching headers, or 304 when the client's {@code If-None-Match} names the
 * ETag: the same for the resource's answers and for the catalog checks answered before it ({@link HeldCatalogChecks}).
 */
@ApplicationScoped
class CatalogAnswers {

    private final CacheControl cacheControl;

    CatalogAnswers(CatalogConfig config) {
        cacheControl = new CacheControl();
        cacheControl.setMaxAge((int) config.cacheMaxAge().toSeconds());
        cacheControl.setNoTransform(false);
        // public: the catalog is the same for everyone, so shared caches (a township proxy) may keep it too
        cacheControl.getCacheExtension().put("public", null);
        cacheControl.getCacheExtension().put("stale-if-error", Long.toString(config.cacheStaleIfError().toSeconds()));
    }

    Response respond(Request request, Tagged<?> answer) {
        Response notModified = notModified(request, answer);
        return notModified != null ? notModified
                : Response.ok(answer.body().get()).tag(weak(answer)).cacheControl(cacheControl).build();
    }

    /** 304 when the request's {@code If-None-Match} names this answer's ETag; null when the answer must be sent. */
    Response notModified(Request request, Tagged<?> answer) {
        EntityTag etag = weak(answer);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        return notModified == null ? null : notModified.tag(etag).cacheControl(cacheControl).build();
    }

    private static EntityTag weak(Tagged<?> answer) {
        return new EntityTag(answer.etag(), true);
    }
}
