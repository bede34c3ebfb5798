package cn.gov.gd.yzz.rating;

import cn.gov.gd.yzz.common.Caller;
import cn.gov.gd.yzz.common.PageRequest;
import cn.gov.gd.yzz.common.PageView;
import cn.gov.gd.yzz.common.ProblemException;
import cn.gov.gd.yzz.common.QueryParams;
import cn.gov.gd.yzz.common.Roles;
import cn.gov.gd.yzz.rating.RatingViews.AnswerRequest;
import cn.gov.gd.yzz.rating.RatingViews.FollowUpView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 差评 follow-ups: the department's reviewers list and answer theirs; admins read all. */
@Path("/api/v1/ratings/follow-ups")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "statistics")
public class FollowUpResource {

    private static final Pattern DEPARTMENT = Pattern.compile("^[A-Z][A-Z0-9_]{1,39}$");

    private final FollowUps followUps;
    private final RatingConfig config;
    private final Caller caller;

    FollowUpResource(FollowUps followUps, RatingConfig config, Caller caller) {
        this.followUps = followUps;
        this.config = config;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @Operation(summary = "List 差评 follow-ups (reviewer: own department; admin: all)")
    public PageView<FollowUpView> list(@QueryParam("status") String status, @QueryParam("overdue") String overdue,
            @QueryParam("department") String department, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        Optional<String> statusFilter = QueryParams.text("status", status, 10).map(s -> {
            if (!s.equals(RatingFollowUp.OPEN) && !s.equals(RatingFollowUp.ANSWERED)) {
                throw ProblemException.invalidParameter("status", "must be one of open, answered");
            }
            return s;
        });
        Optional<Boolean> overdueFilter = QueryParams.bool("overdue", overdue);
        Optional<String> departmentFilter = QueryParams.text("department", department, 40).map(d -> {
            if (!DEPARTMENT.matcher(d).matches()) {
                throw ProblemException.invalidParameter("department", "must be a department code like HRSS");
            }
            if (caller.is(Roles.REVIEWER) && !caller.department().map(d::equals).orElse(false)) {
                throw ProblemException.forbidden("A reviewer sees only their own department's follow-ups");
            }
            return d;
        });
        return followUps.list(caller, statusFilter, overdueFilter, departmentFilter,
                PageRequest.parse(page, size, 20, config.maxPageSize()));
    }

    @POST
    @Path("/{followUpId}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REVIEWER)
    @Operation(summary = "Answer a follow-up of the reviewer's department: 整改 (rectification) or 回复 (reply)")
    public FollowUpView answer(@PathParam("followUpId") String id, @Valid @NotNull AnswerRequest request) {
        return followUps.answer(caller, QueryParams.pathId("Follow-up", id), request);
    }
}
