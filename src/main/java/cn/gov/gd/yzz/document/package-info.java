/**
 * Documents (申请材料): files that belong to a submission, with their bytes in the object store.
 *
 * <p>Owns the {@code document} table, the object-store adapter ({@code ObjectStore}: put, size, read, presign, remove,
 * every store failure one 503 {@code object-store-unavailable}), multipart reading ({@code MultipartUpload}), the
 * use cases (streamed upload, presigned upload and its completion, download links) and the documents of a page of
 * submissions in one query ({@code SubmissionDocuments}); the same streamed path for files other packages own
 * ({@code StreamedFiles}: a case's results).
 *
 * <p>Invariants: bytes are streamed, never held whole in memory; the type is detected from the bytes, the size limit
 * enforced while streaming, the SHA-256 recorded; object keys are random ({@code documents/yyyy/MM/<uuid>}) and never
 * contain personal data or client-given names; file names are kept only sanitized; a failed upload leaves nothing
 * stored; while the store is down only document calls answer 503.
 *
 * <p>Who may read or add a document is the submission's business: this package asks through the port it declares,
 * {@code SubmissionAccess}, which {@code submission} implements, so it depends on no feature package but
 * {@code audit}. Callers: {@code submission} (documents in its views), {@code result} ({@code StreamedFiles}).
 */
package cn.gov.gd.yzz.document;
