/**
 * Printed receipts (回执): the acceptance receipt (受理回执) of a submission and, once a department has decided, the
 * completion notice (办结通知), as PDF documents a kiosk prints.
 *
 * <p>Each document carries the tracking number, the applicant (masked name and ID number), the items and departments,
 * the materials received, the promised completion date (the case due date, counted in working days by the calendar),
 * the kiosk and the assisting specialist, and a QR code that opens the public status page of that tracking number
 * ({@code ReceiptConfig}). Chinese text renders on any printer because the Noto Sans SC subset that the document uses
 * is embedded in it ({@code ReceiptFont}); the QR code is drawn as vector squares, so it prints sharp at any
 * resolution.
 *
 * <p>Invariants: whoever may read the submission may print its documents, everyone else gets 404 (the read goes
 * through {@code SubmissionReads}, so staff reads are audited like any read of a submission); the completion notice
 * answers 409 {@code not-yet-decided} while no department has decided; the documents hold no unmasked personal data.
 *
 * <p>Depends on {@code submission}, {@code catalog}, {@code kiosk}, {@code identity}, {@code document} (the view types
 * of a submission's documents), {@code common}. Nothing depends on it.
 */
package cn.gov.gd.yzz.receipt;
