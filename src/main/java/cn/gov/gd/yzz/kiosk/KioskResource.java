package cn.gov.gd.yzz.kiosk;

import cn.gov.gd.yzz.common.Caller;
import cn.gov.gd.yzz.common.Problem;
import cn.gov.gd.yzz.common.Roles;
import cn.gov.gd.yzz.identity.TokenIssuer.IssuedToken;
import cn.gov.gd.yzz.kiosk.KioskViews.CitizenSession;
import cn.gov.gd.yzz.kiosk.KioskViews.CitizenSessionRequest;
import cn.gov.gd.yzz.kiosk.KioskViews.HeartbeatRequest;
import cn.gov.gd.yzz.kiosk.KioskViews.TokenRequest;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What kiosks call: device token, heartbeat, citizen sessions. */
@Path("/api/v1/kiosks/{id}")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "kiosks")
public class KioskResource {

    private final KioskSessions sessions;
    private final Caller caller;

    KioskResource(KioskSessions sessions, Caller caller) {
        this.sessions = sessions;
        this.caller = caller;
    }

    @POST
    @Path("/token")
    @PermitAll
    @Operation(summary = "Exchange a kiosk client assertion for a device token")
    public IssuedToken token(@PathParam("id") String id, @Valid @NotNull TokenRequest request) {
        return sessions.deviceToken(id, request.assertion());
    }

    @POST
    @Path("/heartbeat")
    @RolesAllowed(Roles.KIOSK)
    // no success body: a client that only accepts the error type (generated clients do so for 204-only
    // operations) must get its 204, not a 406
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Report app version and peripherals status")
    // answered on the I/O thread: a beat touches memory only (the batch writes it), and a fleet's 1,700 beats a second
    // each handed to a worker thread and back cost two thread wake-ups apiece (issue 20)
    @NonBlocking
    public Response heartbeat(@PathParam("id") String id, @Valid @NotNull HeartbeatRequest beat) {
        sessions.heartbeat(id, caller, beat);
        return Response.noContent().build();
    }

    @POST
    @Path("/citizen-sessions")
    @RolesAllowed(Roles.KIOSK)
    @Operation(summary = "Open a citizen session from an ID card + face attestation signed by this kiosk")
    public Response citizenSession(@PathParam("id") String id, @Valid @NotNull CitizenSessionRequest request) {
        CitizenSession session = sessions.openCitizenSession(id, caller, request.attestation());
        return Response.status(Response.Status.CREATED).entity(session).build();
    }
}
