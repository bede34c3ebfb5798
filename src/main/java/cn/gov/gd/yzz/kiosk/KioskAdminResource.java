package cn.gov.gd.yzz.kiosk;

import cn.gov.gd.yzz.common.Locations;
import cn.gov.gd.yzz.common.PageRequest;
import cn.gov.gd.yzz.common.PageView;
import cn.gov.gd.yzz.common.QueryParams;
import cn.gov.gd.yzz.common.Roles;
import cn.gov.gd.yzz.kiosk.KioskViews.KioskCreate;
import cn.gov.gd.yzz.kiosk.KioskViews.KioskView;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The kiosk register (admins). */
@Path("/api/v1/admin/kiosks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "kiosks")
public class KioskAdminResource {

    private static final int MAX_PAGE = 100;

    private final KioskRegister register;

    KioskAdminResource(KioskRegister register) {
        this.register = register;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a kiosk")
    public Response create(@Valid @NotNull KioskCreate input) {
        KioskView kiosk = register.register(input);
        return Locations.created("/api/v1/admin/kiosks/" + kiosk.id()).entity(kiosk).build();
    }

    @GET
    @Operation(summary = "List registered kiosks")
    public PageView<KioskView> list(@QueryParam("town") String town, @QueryParam("village") String village,
            @QueryParam("online") String online, @QueryParam("enabled") String enabled,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        return register.list(QueryParams.text("town", town, 100), QueryParams.text("village", village, 100),
                QueryParams.bool("online", online), QueryParams.bool("enabled", enabled), PageRequest.parse(page, size, 20, MAX_PAGE));
    }

    @PATCH
    @Path("/{id}")
    @Consumes("application/merge-patch+json")
    @Operation(summary = "Change a kiosk (JSON merge patch)")
    public KioskView update(@PathParam("id") String id, JsonNode patch) {
        return register.update(id, patch);
    }

}
