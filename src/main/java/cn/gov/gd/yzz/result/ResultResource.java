package cn.gov.gd.yzz.result;

import cn.gov.gd.yzz.common.Caller;
import cn.gov.gd.yzz.common.Locations;
import cn.gov.gd.yzz.common.QueryParams;
import cn.gov.gd.yzz.common.Roles;
import cn.gov.gd.yzz.document.StreamedFiles;
import cn.gov.gd.yzz.result.ResultViews.DeliveryRequest;
import cn.gov.gd.yzz.result.ResultViews.DeliveryState;
import cn.gov.gd.yzz.result.ResultViews.ResultView;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Results (办结) of a case: attached by the department's reviewer, read by the applicant; delivery by hand (送达). */
@Path("/api/v1/submissions/{id}/cases/{caseId}")
@Tag(name = "submissions")
public class ResultResource {

    private final ResultUploads uploads;
    private final ResultReads reads;
    private final CounterAndPostDeliveries deliveries;
    private final StreamedFiles files;
    private final Caller caller;

    ResultResource(ResultUploads uploads, ResultReads reads, CounterAndPostDeliveries deliveries, StreamedFiles files,
            Caller caller) {
        this.uploads = uploads;
        this.reads = reads;
        this.deliveries = deliveries;
        this.files = files;
        this.caller = caller;
    }

    /** The raw body as the HTTP layer streams it, like a material's upload. */
    @POST
    @Path("/results")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REVIEWER)
    @Operation(summary = "Attach a result document (PDF) to a case of the reviewer's department")
    public Response attach(@PathParam("id") String id, @PathParam("caseId") String caseId,
            @QueryParam("kind") String kind, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength, InputStream body) {
        UUID submission = QueryParams.pathId("Submission", id);
        UUID target = QueryParams.pathId("Case", caseId);
        ResultKind resultKind = QueryParams.oneOf("kind", kind, ResultKind.class, ResultKind::wire)
                .orElse(ResultKind.DECISION);
        ResultView view = uploads.upload(caller, submission, target, resultKind, contentType, contentLength, body);
        return Locations.created("/api/v1/submissions/" + submission + "/cases/" + target + "/results/" + view.id())
                .entity(view).build();
    }

    @GET
    @Path("/results")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CITIZEN, Roles.REVIEWER, Roles.SPECIALIST})
    @Operation(summary = "The result documents of a case")
    public List<ResultView> list(@PathParam("id") String id, @PathParam("caseId") String caseId) {
        return reads.list(caller, QueryParams.pathId("Submission", id), QueryParams.pathId("Case", caseId));
    }

    @GET
    @Path("/results/{resultId}")
    @Produces("application/pdf")
    @RolesAllowed({Roles.CITIZEN, Roles.REVIEWER, Roles.SPECIALIST})
    @Operation(summary = "Download a result document, streamed from the object store")
    public Response download(@PathParam("id") String id, @PathParam("caseId") String caseId,
            @PathParam("resultId") String resultId) {
        ResultReads.Download download = reads.download(caller, QueryParams.pathId("Submission", id),
                QueryParams.pathId("Case", caseId), QueryParams.pathId("Result", resultId));
        files.requireAvailable();
        StreamingOutput body = out -> files.copy(download.objectKey(), out);
        return Response.ok(body, download.contentType())
                .header(HttpHeaders.CONTENT_LENGTH, download.size())
                .header("Content-Disposition", "attachment; filename=\"result-" + resultId + ".pdf\"")
                .build();
    }

    @POST
    @Path("/delivery")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REVIEWER)
    @Operation(summary = "Record the delivery (送达) of a case's results at the counter or by post")
    public DeliveryState deliver(@PathParam("id") String id, @PathParam("caseId") String caseId,
            @Valid @NotNull DeliveryRequest request) {
        return deliveries.deliver(caller, QueryParams.pathId("Submission", id), QueryParams.pathId("Case", caseId),
                request);
    }
}
