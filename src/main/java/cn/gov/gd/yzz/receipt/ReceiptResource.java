package cn.gov.gd.yzz.receipt;

import cn.gov.gd.yzz.common.Caller;
import cn.gov.gd.yzz.common.Problem;
import cn.gov.gd.yzz.common.ProblemException;
import cn.gov.gd.yzz.common.QueryParams;
import cn.gov.gd.yzz.common.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The printed documents of a submission, for whoever may read the submission. */
@Path("/api/v1/submissions/{id}")
@Produces({ReceiptResource.PDF, Problem.MEDIA_TYPE})
@Tag(name = "submissions")
public class ReceiptResource {

    static final String PDF = "application/pdf";

    private final ReceiptFactsReader facts;
    private final ReceiptDocuments documents;
    private final Caller caller;

    ReceiptResource(ReceiptFactsReader facts, ReceiptDocuments documents, Caller caller) {
        this.facts = facts;
        this.documents = documents;
        this.caller = caller;
    }

    @GET
    @Path("/receipt")
    @RolesAllowed({Roles.CITIZEN, Roles.REVIEWER, Roles.SPECIALIST})
    @Operation(summary = "The acceptance receipt (受理回执) as a PDF to print")
    public Response receipt(@PathParam("id") String id) {
        ReceiptFacts read = facts.facts(caller, QueryParams.pathId("Submission", id));
        return pdf(documents.receipt(read), "receipt-" + read.trackingNumber());
    }

    @GET
    @Path("/completion-notice")
    @RolesAllowed({Roles.CITIZEN, Roles.REVIEWER, Roles.SPECIALIST})
    @Operation(summary = "The completion notice (办结通知) as a PDF to print, once a department has decided")
    public Response completionNotice(@PathParam("id") String id) {
        ReceiptFacts read = facts.facts(caller, QueryParams.pathId("Submission", id));
        if (!read.anyDecided()) {
            throw ProblemException.conflict("not-yet-decided",
                    "No department has decided on this submission yet; the completion notice follows the decision");
        }
        return pdf(documents.completionNotice(read), "completion-notice-" + read.trackingNumber());
    }

    // personal data: never in a shared cache
    private static Response pdf(byte[] body, String name) {
        return Response.ok(body, PDF).header("Content-Disposition", "inline; filename=\"" + name + ".pdf\"")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store").build();
    }
}
