package cn.gov.gd.yzz.catalog;

import cn.gov.gd.yzz.catalog.CatalogInputs.DepartmentInput;
import cn.gov.gd.yzz.catalog.CatalogInputs.ServiceItemInput;
import cn.gov.gd.yzz.catalog.CatalogInputs.ThemeInput;
import cn.gov.gd.yzz.catalog.CatalogViews.DepartmentView;
import cn.gov.gd.yzz.common.Locations;
import cn.gov.gd.yzz.common.ProblemException;
import cn.gov.gd.yzz.common.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Catalog administration (admins). The answer is read from the refreshed catalog after the commit, so it is exactly
 * what the public catalog now serves, with its new ETag.
 */
@Path("/api/v1/admin")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "admin")
public class CatalogAdminResource {

    private final CatalogAdministration administration;
    private final CatalogService catalog;

    CatalogAdminResource(CatalogAdministration administration, CatalogService catalog) {
        this.administration = administration;
        this.catalog = catalog;
    }

    @POST
    @Path("/departments")
    @Operation(summary = "Create a department")
    public Response createDepartment(@Valid @NotNull DepartmentInput input) {
        if (Department.findById(input.code()) != null) {
            throw ProblemException.conflict("department-exists", "Department '" + input.code() + "' exists");
        }
        administration.department(input);
        return Locations.created("/api/v1/departments").entity(department(input.code())).build();
    }

    @PUT
    @Path("/departments/{code}")
    @Operation(summary = "Create or replace a department")
    public Response putDepartment(@PathParam("code") String code, @Valid @NotNull DepartmentInput input) {
        sameCode(code, input.code());
        boolean created = administration.department(input);
        return answer(created, department(code));
    }

    @PUT
    @Path("/services/{code}")
    @Operation(summary = "Create or replace a service item")
    public Response putService(@PathParam("code") String code, @Valid @NotNull ServiceItemInput input) {
        sameCode(code, input.code());
        boolean created = administration.service(input);
        return answer(created, catalog.service(code).body().get());
    }

    @PUT
    @Path("/themes/{code}")
    @Operation(summary = "Create or replace a theme")
    public Response putTheme(@PathParam("code") String code, @Valid @NotNull ThemeInput input) {
        sameCode(code, input.code());
        boolean created = administration.theme(input);
        return answer(created, catalog.theme(code).body().get());
    }

    private DepartmentView department(String code) {
        return catalog.departments(new cn.gov.gd.yzz.common.PageRequest(0, 10_000)).body().get().items().stream()
                .filter(d -> d.code().equals(code)).findFirst().orElseThrow();
    }

    private static void sameCode(String path, String body) {
        if (!path.equals(body)) {
            throw ProblemException.badRequest("code-mismatch", "The code in the body must equal the code in the path");
        }
    }

    private static Response answer(boolean created, Object body) {
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK).entity(body).build();
    }
}
