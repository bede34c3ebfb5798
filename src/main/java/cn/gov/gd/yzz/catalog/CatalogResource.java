package cn.gov.gd.yzz.catalog;

import cn.gov.gd.yzz.catalog.CatalogService.Tagged;
import cn.gov.gd.yzz.common.PageRequest;
import cn.gov.gd.yzz.common.ProblemException;
import cn.gov.gd.yzz.common.QueryParams;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
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
    private final CatalogAnswers answers;

    CatalogResource(CatalogService catalog, CatalogConfig config, CatalogAnswers answers) {
        this.catalog = catalog;
        this.config = config;
        this.answers = answers;
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
    // an unchanged check is answered with 304 before it comes here (HeldCatalogChecks)
    @HeldCatalogChecks.AnsweredWhenUnchanged
    public Response changes(@QueryParam("since") String since, @Context Request request) {
        return respond(request, catalog.changes(version("since", since)));
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
        return answers.respond(request, answer);
    }
}
