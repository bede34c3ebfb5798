package cn.gov.gd.yzz.rating;

import cn.gov.gd.yzz.common.Caller;
import cn.gov.gd.yzz.common.QueryParams;
import cn.gov.gd.yzz.common.Roles;
import cn.gov.gd.yzz.rating.RatingViews.RatingRequest;
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

/** 好差评 of a transaction, given on the kiosk's screen and sent by the kiosk that reported the transaction. */
@Path("/api/v1/kiosks/{id}/transactions/{eventId}/rating")
@Tag(name = "statistics")
public class TransactionRatingResource {

    private final Ratings ratings;
    private final Caller caller;

    TransactionRatingResource(Ratings ratings, Caller caller) {
        this.ratings = ratings;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.KIOSK)
    @Operation(summary = "Rate a reported transaction at the kiosk (好差评, kiosk)")
    public Response rate(@PathParam("id") String kioskId, @PathParam("eventId") String eventId,
            @Valid @NotNull RatingRequest request) {
        return Response.status(Response.Status.CREATED)
                .entity(ratings.rateTransaction(caller, kioskId, QueryParams.pathId("Transaction", eventId), request))
                .build();
    }
}
