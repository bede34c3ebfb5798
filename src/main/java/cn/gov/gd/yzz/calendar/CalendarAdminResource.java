package cn.gov.gd.yzz.calendar;

import cn.gov.gd.yzz.calendar.CalendarViews.ArrangementInput;
import cn.gov.gd.yzz.calendar.CalendarViews.CalendarYearView;
import cn.gov.gd.yzz.common.Problem;
import cn.gov.gd.yzz.common.ProblemException;
import cn.gov.gd.yzz.common.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The working-day calendar of a year (admins): read it, publish the State Council's arrangement. */
@Path("/api/v1/admin/calendar/{year}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "admin")
public class CalendarAdminResource {

    /** The 2024 rules apply from 2025; far years are refused rather than computed for nobody. */
    static final int FIRST_YEAR = 2025;
    static final int LAST_YEAR = 2100;

    private final CalendarAdministration administration;

    CalendarAdminResource(CalendarAdministration administration) {
        this.administration = administration;
    }

    @GET
    @Operation(summary = "A year's working-day calendar: the published arrangement, or the computed baseline")
    public CalendarYearView get(@PathParam("year") String year) {
        return administration.read(year(year));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish a year's holiday arrangement (放假调休安排)")
    public Response publish(@PathParam("year") String year, @Valid @NotNull ArrangementInput input) {
        CalendarAdministration.Outcome outcome = administration.publish(year(year), input);
        return Response.status(outcome.first() ? Response.Status.CREATED : Response.Status.OK)
                .entity(outcome.view()).build();
    }

    private static int year(String text) {
        int year;
        try {
            year = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            year = -1;
        }
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            String message = "must be a year from " + FIRST_YEAR + " to " + LAST_YEAR;
            throw new ProblemException(Problem.of(400, "invalid-parameter", "Invalid parameter",
                    "Path parameter 'year' " + message)
                    .withErrors(List.of(Problem.FieldError.parameter("year", message))));
        }
        return year;
    }
}
