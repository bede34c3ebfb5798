package cn.gov.gd.yzz.result;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A result document of a case (a PDF), stored in the object store under a random key. */
@Entity
@Table(name = "case_result")
public class CaseResult extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "submission_id")
    public UUID submissionId;

    @Convert(converter = ResultKind.WireColumn.class)
    public ResultKind kind;

    @Column(name = "object_key")
    public String objectKey;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "content_type")
    public String contentType;

    @Column(name = "size_bytes")
    public long size;

    public String sha256;

    @Column(name = "uploaded_by")
    public String uploadedBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    ResultViews.ResultView view() {
        return new ResultViews.ResultView(id, caseId, kind, fileName, contentType, size, sha256, createdAt);
    }
}
