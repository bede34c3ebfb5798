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

/** 好差评 of a finished submission by its resident (mobile, or in a session at a kiosk). */
@Path("/api/v1/submissions/{id}/rating")
@Tag(name = "statistics")
public class SubmissionRatingResource {

    private final Ratings ratings;
    private final Caller caller;

    SubmissionRatingResource(Ratings ratings, Caller caller) {
        this.ratings = ratings;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "Rate a finished submission (好差评, citizen)")
    public Response rate(@PathParam("id") String id, @Valid @NotNull RatingRequest request) {
        return Response.status(Response.Status.CREATED)
                .entity(ratings.rateSubmission(caller, QueryParams.pathId("Submission", id), request)).build();
    }
}
