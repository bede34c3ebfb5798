/**
 * Results (办结) and their delivery (送达): the result documents a department's reviewer attaches to a case (决定书,
 * 证明, 证照 as PDF), their reads, and the deliveries recorded by hand (counter, post) or at a kiosk (self-print).
 *
 * <p>Owns {@code case_result} and the endpoints {@code /submissions/{id}/cases/{caseId}/results},
 * {@code .../delivery} and {@code /kiosks/{id}/result-prints}. The case's side (count of results, when they became the
 * applicant's, the one delivery, the timeline steps and the events {@code ResultReady} and {@code DeliveryDone}) is
 * {@code submission}'s {@code CaseDeliveries}.
 *
 * <p>Invariants: a result is a PDF by its bytes, streamed to the object store by the materials' path
 * ({@code document}'s {@code StreamedFiles}), never whole in memory, and recorded with its case's count in one
 * transaction (a failed record leaves no object); only the department's reviewer attaches results, to a case neither
 * withdrawn nor delivered; approving without a result is allowed (a reviewer may attach the licence afterwards: the
 * results become the applicant's, and the case awaits delivery, from the moment a decided case has one); results are
 * read by the applicant and the assisting specialist once ready, by the department's reviewers always, by nobody else
 * (404), every staff read audited; a case is delivered once, by the method the applicant chose (409 otherwise, and of
 * two concurrent deliveries one wins); the applicant's first download is the electronic delivery; a kiosk print needs
 * the applicant's citizen session at that kiosk and counts as one {@code print} transaction whose event id is derived
 * from the case, so retries never count twice.
 *
 * <p>Depends on {@code submission}, {@code document}, {@code transaction}, {@code kiosk}, {@code catalog},
 * {@code audit}, {@code common}. Nothing depends on it.
 */
package cn.gov.gd.yzz.result;
