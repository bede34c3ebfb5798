/**
 * Applications (办件): a citizen's submission of a service item or a theme, split into one case per department, with
 * the timeline of each case, its due date in working days and the reviewers' workflow.
 *
 * <p>Owns {@code submission}, {@code submission_case}, {@code case_event}; creation with idempotency
 * ({@code SubmissionCreation}), reads ({@code SubmissionReads}, views assembled for a whole page in one query per
 * table by {@code SubmissionViewAssembler}), the workflow ({@code SubmissionWorkflow}), due-date recomputation when a
 * holiday arrangement is published ({@code DueDateRecomputation}) and the figures for statistics
 * ({@code SubmissionFigures}); supplements ({@code SupplementRequests} for the reviewer's request,
 * {@code SupplementAnswers} for the applicant's answer, {@code SupplementExpiry} for the deadline job, table
 * {@code case_supplement}) and withdrawal ({@code Withdrawals}); every move of a case goes through
 * {@code CaseMoves}. The delivery method chosen at submission ({@code DeliveryChoices}) and the case's side of results
 * and delivery ({@code CaseDeliveries}: the count of results, when they became the applicant's, the one delivery, the
 * timeline steps, the CDI events {@code ResultReady} and {@code DeliveryDone} fired synchronously inside the
 * transaction) for the {@code result} package.
 *
 * <p>Invariants: the same {@code Idempotency-Key} and body answer the original submission, another body 409; a case
 * moves only along {@code CaseStatus}'s transitions, concurrent moves do not both win (optimistic version); the
 * submission's status is derived from its cases by {@code SubmissionStatus.of}, the one rule (the statistics use it
 * too); while a case is {@code supplement_requested} its time limit is paused: leaving that state moves the due
 * date by the working days waited (from the day after the request to the day it ends) and adds them to
 * {@code paused_days}, which a due-date recomputation keeps; a case waiting after its supplement deadline is closed
 * as withdrawn by one conditional statement ({@code FOR UPDATE SKIP LOCKED}), so that several instances never close
 * it twice and a concurrent answer loses (409) or wins, never both; only the applicant answers a supplement or
 * withdraws, only before the decision, and withdrawn is final; an answer amends only the form fields the request
 * named, of the case's own items, under a lock of the submission row (a theme's cases share one form); each case is
 * a transaction event of its department, committed with it; a citizen sees only their own
 * submissions, a reviewer only their department's cases, a specialist those they assisted, anyone else 404; staff
 * reads are audited; a case's results are delivered at most once (one conditional update), only by the method the
 * applicant chose, only once a decided case has a result; the postal address is stored encrypted.
 *
 * <p>Depends on {@code calendar}, {@code document}, {@code transaction}, {@code kiosk}, {@code catalog},
 * {@code identity} (the applicant's name and masked ID number in a view, the address cipher), {@code audit},
 * {@code common}; implements {@code document}'s {@code SubmissionAccess} port. Callers: {@code rating},
 * {@code stats}, {@code receipt}, {@code result}.
 */
package cn.gov.gd.yzz.submission;
