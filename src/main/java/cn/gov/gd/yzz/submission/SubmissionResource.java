package cn.gov.gd.yzz.submission;

import cn.gov.gd.yzz.common.Caller;
import cn.gov.gd.yzz.common.Locations;
import cn.gov.gd.yzz.common.PageRequest;
import cn.gov.gd.yzz.common.PageView;
import cn.gov.gd.yzz.common.Problem;
import cn.gov.gd.yzz.common.ProblemException;
import cn.gov.gd.yzz.common.QueryParams;
import cn.gov.gd.yzz.common.Roles;
import cn.gov.gd.yzz.submission.SubmissionViews.SubmissionCreate;
import cn.gov.gd.yzz.submission.SubmissionViews.SubmissionView;
import cn.gov.gd.yzz.submission.SubmissionViews.SupplementAnswer;
import cn.gov.gd.yzz.submission.SubmissionViews.TransitionRequest;
import cn.gov.gd.yzz.submission.SubmissionViews.WithdrawalRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/submissions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "submissions")
public class SubmissionResource {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("^[A-Za-z0-9._:-]{8,100}$");

    private final SubmissionCreation creation;
    private final SubmissionReads reads;
    private final SubmissionWorkflow workflow;
    private final SupplementAnswers supplements;
    private final Withdrawals withdrawals;
    private final Caller caller;

    SubmissionResource(SubmissionCreation creation, SubmissionReads reads, SubmissionWorkflow workflow,
            SupplementAnswers supplements, Withdrawals withdrawals, Caller caller) {
        this.creation = creation;
        this.reads = reads;
        this.workflow = workflow;
        this.supplements = supplements;
        this.withdrawals = withdrawals;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "Submit an application for a service item or a theme")
    public Response create(@HeaderParam("Idempotency-Key") String idempotencyKey,
            @Valid @NotNull SubmissionCreate request) {
        if (idempotencyKey == null || !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw new ProblemException(Problem.of(400, "idempotency-key-required", "Idempotency-Key required",
                    "Send an Idempotency-Key header of 8 to 100 characters (letters, digits, . _ : -)")
                    .withErrors(List.of(Problem.FieldError.parameter("Idempotency-Key", "8 to 100 characters"))));
        }
        SubmissionCreation.Outcome outcome = creation.create(caller, idempotencyKey, request);
        SubmissionView view = outcome.submission();
        return Locations.at(Response.status(outcome.created() ? Response.Status.CREATED : Response.Status.OK),
                "/api/v1/submissions/" + view.id()).entity(view).build();
    }

    @GET
    @RolesAllowed({Roles.CITIZEN, Roles.REVIEWER, Roles.SPECIALIST})
    @Operation(summary = "List the submissions the caller may see")
    public PageView<SubmissionView> list(@QueryParam("status") String status, @QueryParam("overdue") String overdue,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        Optional<CaseStatus> caseStatus = QueryParams.oneOf("status", status, CaseStatus.class, CaseStatus::wire);
        boolean overdueOnly = QueryParams.bool("overdue", overdue).orElse(false);
        return reads.list(caller, caseStatus, overdueOnly, PageRequest.parse(page, size, 20, 100));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CITIZEN, Roles.REVIEWER, Roles.SPECIALIST})
    @Operation(summary = "One submission with its timeline, cases and documents")
    public SubmissionView get(@PathParam("id") String id) {
        return reads.get(caller, QueryParams.pathId("Submission", id));
    }

    @POST
    @Path("/{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REVIEWER)
    @Operation(summary = "Accept, request supplement, approve or reject a case of the reviewer's department")
    public SubmissionView transition(@PathParam("id") String id, @Valid @NotNull TransitionRequest request) {
        return workflow.transition(caller, QueryParams.pathId("Submission", id), request);
    }

    @POST
    @Path("/{id}/supplement")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "The applicant submits the requested supplement (补正): amended fields, after new documents")
    public SubmissionView submitSupplement(@PathParam("id") String id, @Valid @NotNull SupplementAnswer answer) {
        return supplements.answer(caller, QueryParams.pathId("Submission", id), answer);
    }

    @POST
    @Path("/{id}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "The applicant withdraws (撤回) a case or the whole submission before the decision")
    public SubmissionView withdraw(@PathParam("id") String id, @Valid @NotNull WithdrawalRequest request) {
        return withdrawals.withdraw(caller, QueryParams.pathId("Submission", id), request);
    }
}
