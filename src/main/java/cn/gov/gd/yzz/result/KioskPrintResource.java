package cn.gov.gd.yzz.result;

import cn.gov.gd.yzz.common.Caller;
import cn.gov.gd.yzz.common.Roles;
import cn.gov.gd.yzz.result.ResultViews.KioskPrint;
import cn.gov.gd.yzz.result.ResultViews.KioskPrintRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Self-print of results at a kiosk, with the citizen session the kiosk opened for the applicant. */
@Path("/api/v1/kiosks/{id}/result-prints")
@Tag(name = "kiosks")
public class KioskPrintResource {

    private final KioskPrints prints;
    private final Caller caller;

    KioskPrintResource(KioskPrints prints, Caller caller) {
        this.prints = prints;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CITIZEN, Roles.KIOSK})
    @Operation(summary = "Print a case's results at this kiosk: recorded as the delivery and as one print transaction")
    public KioskPrint print(@PathParam("id") String kioskId, @Valid @NotNull KioskPrintRequest request) {
        return prints.print(caller, kioskId, request.submissionId(), request.caseId());
    }
}
