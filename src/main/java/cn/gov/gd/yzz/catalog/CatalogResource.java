package cn.gov.gd.yzz.catalog;

import cn.gov.gd.yzz.catalog.CatalogService.Tagged;
import cn.gov.gd.yzz.common.PageRequest;
import cn.gov.gd.yzz.common.ProblemException;
import cn.gov.gd.yzz.common.QueryParams;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.OptionalLong;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The public catalog. Every answer carries a weak ETag derived from the catalog's content; a kiosk that sends it
 * back in {@code If-None-Match} gets 304 without a body, which is what keeps periodic refreshes cheap on a village
 * network.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "catalog", description = "Departments, service items and themes (public, cacheable)")
@jakarta.annotation.security.PermitAll
public class CatalogResource {

    private static final int MAX_CODE_LENGTH = 40;
    private static final int MAX_QUERY_LENGTH = 100;

    private final CatalogService catalog;
    private final CatalogConfig config;
    private final CacheControl cacheControl;

    CatalogResource(CatalogService catalog, CatalogConfig config) {
        this.catalog = catalog;
        this.config = config;
        this.cacheControl = new CacheControl();
        cacheControl.setMaxAge((int) config.cacheMaxAge().toSeconds());
        cacheControl.setNoTransform(false);
        // public: the catalog is the same for everyone, so shared caches (a township proxy) may keep it too
        cacheControl.getCacheExtension().put("public", null);
        cacheControl.getCacheExtension().put("stale-if-error", Long.toString(config.cacheStaleIfError().toSeconds()));
    }

    @GET
    @Path("/departments")
    @Operation(summary = "List departments with the number of their service items")
    public Response departments(@QueryParam("page") String page, @QueryParam("size") String size,
            @Context Request request) {
        return respond(request,
                catalog.departments(PageRequest.parse(page, size, config.maxPageSize(), config.maxPageSize())));
    }

    @GET
    @Path("/services")
    @Operation(summary = "Search service items by name, code or pinyin, with filters")
    public Response services(@QueryParam("department") String department, @QueryParam("q") String q,
            @QueryParam("channel") String channel, @QueryParam("kind") String kind,
            @QueryParam("theme") String theme, @QueryParam("page") String page, @QueryParam("size") String size,
            @Context Request request) {
        CatalogQuery query = new CatalogQuery(
                QueryParams.text("department", department, MAX_CODE_LENGTH),
                QueryParams.text("q", q, MAX_QUERY_LENGTH),
                QueryParams.oneOf("channel", channel, Channel.class, Channel::wire),
                QueryParams.oneOf("kind", kind, ServiceKind.class, ServiceKind::wire),
                QueryParams.text("theme", theme, MAX_CODE_LENGTH),
                PageRequest.parse(page, size, config.defaultPageSize(), config.maxPageSize()));
        return respond(request, catalog.services(query));
    }

    @GET
    @Path("/services/{code}")
    @Operation(summary = "One service item with all its standard elements and its form schema")
    public Response service(@PathParam("code") String code, @Context Request request) {
        return respond(request, catalog.service(code));
    }

    @GET
    @Path("/themes")
    @Operation(summary = "List themes (一件事一次办)")
    public Response themes(@QueryParam("page") String page, @QueryParam("size") String size,
            @Context Request request) {
        return respond(request,
                catalog.themes(PageRequest.parse(page, size, config.maxPageSize(), config.maxPageSize())));
    }

    @GET
    @Path("/themes/{code}")
    @Operation(summary = "One theme with its member service items")
    public Response theme(@PathParam("code") String code, @Context Request request) {
        return respond(request, catalog.theme(code));
    }

    @GET
    @Path("/catalog/changes")
    @Operation(summary = "What changed in the catalog since a version (for kiosks that keep a copy offline)")
    // Answered on the I/O thread when it is a 304 from the held catalog (a kiosk's check every 5 minutes, nearly
    // always unchanged: a seventh of a fleet's requests); anything that may load the catalog or write a body goes to a
    // worker, as a blocking operation would (issue 20)
    @NonBlocking
    public Uni<Response> changes(@QueryParam("since") String since, @Context Request request) {
        OptionalLong version = version("since", since);
        Response notModified = catalog.changesIfHeld(version).map(held -> notModified(request, held)).orElse(null);
        if (notModified != null) {
            return Uni.createFrom().item(notModified);
        }
        return Uni.createFrom().item(() -> respond(request, catalog.changes(version)))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** A catalog version: a whole number from 0; anything else answers 400. */
    private static OptionalLong version(String name, String raw) {
        java.util.Optional<String> text = QueryParams.text(name, raw, 19);
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            long value = Long.parseLong(text.get());
            if (value >= 0) {
                return OptionalLong.of(value);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalidParameter(name, "must be a catalog version: a whole number from 0");
    }

    private Response respond(Request request, Tagged<?> answer) {
        Response notModified = notModified(request, answer);
        return notModified != null ? notModified
                : Response.ok(answer.body().get()).tag(weak(answer)).cacheControl(cacheControl).build();
    }

    /** 304 when the request's {@code If-None-Match} names this answer's ETag; null when the answer must be sent. */
    private Response notModified(Request request, Tagged<?> answer) {
        EntityTag etag = weak(answer);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        return notModified == null ? null : notModified.tag(etag).cacheControl(cacheControl).build();
    }

    private static EntityTag weak(Tagged<?> answer) {
        return new EntityTag(answer.etag(), true);
    }
}
