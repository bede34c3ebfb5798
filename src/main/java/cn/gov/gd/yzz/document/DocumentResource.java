package cn.gov.gd.yzz.document;

import cn.gov.gd.yzz.common.Caller;
import cn.gov.gd.yzz.common.Locations;
import cn.gov.gd.yzz.common.QueryParams;
import cn.gov.gd.yzz.common.Roles;
import cn.gov.gd.yzz.common.StreamedBody;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Documents of a submission: streamed uploads, presigned uploads for phones, short-lived download links. The
 * submitting citizen and the specialist who assisted at its creation add documents (at a kiosk the specialist often
 * scans them); which submission a caller may write is decided by {@link Documents}.
 */
@Path("/api/v1/submissions/{id}/documents")
@Tag(name = "submissions")
public class DocumentResource {

    public record UploadUrlBody(@NotBlank @Size(max = 255) String fileName, @NotBlank String contentType,
            @Positive long size, @NotBlank String sha256) {
    }

    private final DocumentUploads uploads;
    private final PresignedUploads presigned;
    private final DocumentDownloads downloads;
    private final Caller caller;
    private final UploadSlots slots;

    DocumentResource(DocumentUploads uploads, PresignedUploads presigned, DocumentDownloads downloads,
            Caller caller, UploadSlots slots) {
        this.uploads = uploads;
        this.presigned = presigned;
        this.downloads = downloads;
        this.caller = caller;
        this.slots = slots;
    }

    /**
     * The raw body as the HTTP layer streams it ({@link StreamedBody}): neither buffered nor written to disk, parsed
     * as it arrives, within a bounded number of concurrent uploads.
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CITIZEN, Roles.SPECIALIST})
    @Operation(summary = "Upload a document (multipart, streamed to the object store)")
    public Response upload(@PathParam("id") String id, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength, InputStream body) {
        UUID submission = QueryParams.pathId("Submission", id);
        DocumentView view;
        try (UploadSlots.Slot slot = slots.take()) {
            view = uploads.upload(caller, submission, contentType, contentLength, body);
        } catch (RuntimeException e) {
            // a body cut for being too slow or too large answers that, whatever the parser made of the cut stream
            throw body instanceof StreamedBody streamed ? streamed.explain(e) : e;
        }
        return Locations.created("/api/v1/submissions/" + submission + "/documents/" + view.id())
                .entity(view).build();
    }

    @POST
    @Path("/upload-url")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CITIZEN, Roles.SPECIALIST})
    @Operation(summary = "A presigned PUT URL for uploading a document directly to the object store")
    public Response uploadUrl(@PathParam("id") String id, @Valid @NotNull UploadUrlBody body) {
        PresignedUploads.UploadUrl url = presigned.uploadUrl(caller, QueryParams.pathId("Submission", id),
                new PresignedUploads.UploadUrlRequest(body.fileName(), body.contentType(), body.size(), body.sha256()));
        return Response.status(Response.Status.CREATED).entity(url).build();
    }

    @POST
    @Path("/{docId}/complete")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CITIZEN, Roles.SPECIALIST})
    @Operation(summary = "Check a presigned upload: size, type by its bytes and checksum")
    public DocumentView complete(@PathParam("id") String id, @PathParam("docId") String docId) {
        return presigned.complete(caller, QueryParams.pathId("Submission", id), QueryParams.pathId("Document", docId));
    }

    @GET
    @Path("/{docId}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CITIZEN, Roles.REVIEWER, Roles.SPECIALIST})
    @Operation(summary = "A short-lived download link: 302 to it, or the link as JSON when Accept asks for JSON")
    public Response download(@PathParam("id") String id, @PathParam("docId") String docId,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        DocumentDownloads.DownloadUrl url = downloads.download(caller, QueryParams.pathId("Submission", id),
                QueryParams.pathId("Document", docId));
        if (accept != null && accept.contains(MediaType.APPLICATION_JSON)) {
            return Response.ok(url).build();
        }
        return Response.status(Response.Status.FOUND).location(URI.create(url.url())).build();
    }

}
