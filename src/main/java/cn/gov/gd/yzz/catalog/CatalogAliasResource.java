package cn.gov.gd.yzz.catalog;

import cn.gov.gd.yzz.catalog.CatalogInputs.AliasInput;
import cn.gov.gd.yzz.catalog.CatalogInputs.AliasesInput;
import cn.gov.gd.yzz.catalog.CatalogViews.AliasesView;
import cn.gov.gd.yzz.common.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Aliases of a service item (admins): what residents call it. Every change is audited and reaches the public
 * catalog and search at once on this instance, within the refresh interval on the others.
 */
@Path("/api/v1/admin/services/{code}/aliases")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "admin")
public class CatalogAliasResource {

    private final CatalogAdministration administration;

    CatalogAliasResource(CatalogAdministration administration) {
        this.administration = administration;
    }

    @PUT
    @Operation(summary = "Replace the aliases of a service item")
    public AliasesView replace(@PathParam("code") String code, @Valid @NotNull AliasesInput input) {
        return new AliasesView(code, administration.replaceAliases(code, input.aliases()));
    }

    @POST
    @Operation(summary = "Add an alias to a service item")
    public Response add(@PathParam("code") String code, @Valid @NotNull AliasInput input) {
        AliasesView aliases = new AliasesView(code, administration.addAlias(code, input.alias()));
        // the code names an existing item here (the add answered 404 otherwise), so it is a safe path segment
        return Response.created(URI.create("/api/v1/services/" + code)).entity(aliases).build();
    }

    @DELETE
    @Path("/{alias}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Remove an alias of a service item")
    public AliasesView remove(@PathParam("code") String code, @PathParam("alias") String alias) {
        return new AliasesView(code, administration.removeAlias(code, alias));
    }
}
