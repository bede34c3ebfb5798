package cn.gov.gd.yzz.document;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A document of a submission, stored in the object store under a random key. */
@Entity
@Table(name = "document")
public class Document extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "submission_id")
    public UUID submissionId;

    @Column(name = "object_key")
    public String objectKey;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "content_type")
    public String contentType;

    @Column(name = "size_bytes")
    public Long size;

    public String sha256;

    @Convert(converter = DocumentStatus.WireColumn.class)
    public DocumentStatus status;

    @Column(name = "uploaded_by")
    public String uploadedBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "completed_at")
    public OffsetDateTime completedAt;

    /** A new document of the submission under a new random key; the client's file name only sanitized. */
    static Document begun(UUID submissionId, String fileName, String contentType, String uploadedBy) {
        Document document = new Document();
        document.id = UUID.randomUUID();
        document.submissionId = submissionId;
        document.objectKey = ObjectStore.newKey();
        document.fileName = FileNames.sanitize(fileName);
        document.contentType = contentType;
        document.uploadedBy = uploadedBy;
        document.createdAt = OffsetDateTime.now();
        return document;
    }

    /**
     * A document streamed into the store ({@link StreamedFiles}); it counts from when its last byte was stored, as a
     * completed presigned upload does.
     */
    static Document uploaded(UUID submissionId, StreamedFiles.StoredFile file, String uploadedBy) {
        Document document = new Document();
        document.id = UUID.randomUUID();
        document.submissionId = submissionId;
        document.objectKey = file.objectKey();
        document.fileName = file.fileName();
        document.contentType = file.contentType();
        document.uploadedBy = uploadedBy;
        document.size = file.size();
        document.sha256 = file.sha256();
        document.status = DocumentStatus.UPLOADED;
        document.createdAt = OffsetDateTime.now();
        document.completedAt = document.createdAt;
        return document;
    }

    public DocumentView view() {
        return new DocumentView(id, fileName, contentType, size, sha256, status, createdAt);
    }
}
