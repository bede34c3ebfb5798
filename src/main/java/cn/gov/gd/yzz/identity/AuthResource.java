package cn.gov.gd.yzz.identity;

import cn.gov.gd.yzz.common.Caller;
import cn.gov.gd.yzz.identity.MiniappTickets.CitizenLogin;
import cn.gov.gd.yzz.identity.StaffLogin.StaffToken;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sign-in of citizens through the mini-app and of staff with a password. */
@Path("/api/v1/auth")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "auth")
public class AuthResource {

    public record MiniappLoginRequest(@NotBlank @Size(max = 8192) String ticket) {
    }

    public record StaffLoginRequest(@NotBlank @Size(max = 64) String username,
            @NotBlank @Size(max = 200) String password) {
    }

    private final MiniappTickets miniapp;
    private final StaffLogin staff;
    private final Caller caller;

    AuthResource(MiniappTickets miniapp, StaffLogin staff, Caller caller) {
        this.miniapp = miniapp;
        this.staff = staff;
        this.caller = caller;
    }

    @POST
    @Path("/miniapp")
    @Operation(summary = "Exchange a real-name platform ticket for a citizen token")
    public CitizenLogin miniapp(@Valid @NotNull MiniappLoginRequest request) {
        return miniapp.login(request.ticket());
    }

    @POST
    @Path("/staff")
    @Operation(summary = "Staff sign-in with username and password")
    public StaffToken staff(@Valid @NotNull StaffLoginRequest request) {
        return staff.login(request.username(), request.password(), caller.address());
    }
}
