package cn.gov.gd.yzz.transaction;

import cn.gov.gd.yzz.common.Caller;
import cn.gov.gd.yzz.common.Roles;
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

@Path("/api/v1/kiosks/{id}/transactions")
@Tag(name = "transactions")
public class TransactionResource {

    private final KioskTransactions transactions;
    private final Caller caller;

    TransactionResource(KioskTransactions transactions, Caller caller) {
        this.transactions = transactions;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.KIOSK)
    @Operation(summary = "Report a batch of transaction events; each is counted once per event id")
    public KioskTransactions.BatchResult report(@PathParam("id") String kioskId,
            @Valid @NotNull TransactionViews.Batch batch) {
        return transactions.record(kioskId, caller, batch.events());
    }
}
