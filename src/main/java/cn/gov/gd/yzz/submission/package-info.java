/**
 * Applications (办件): a citizen's submission of a service item or a theme, split into one case per department, with
 * the timeline of each case, its due date in working days and the reviewers' workflow.
 *
 * <p>Owns {@code submission}, {@code submission_case}, {@code case_event}; creation with idempotency
 * ({@code SubmissionCreation}), reads ({@code SubmissionReads}, views assembled for a whole page in one query per
 * table by {@code SubmissionViewAssembler}), the workflow ({@code SubmissionWorkflow}), due-date recomputation when a
 * holiday arrangement is published ({@code DueDateRecomputation}) and the figures for statistics
 * ({@code SubmissionFigures}).
 *
 * <p>Invariants: the same {@code Idempotency-Key} and body answer the original submission, another body 409; a case
 * moves only along {@code CaseStatus}'s transitions, concurrent moves do not both win (optimistic version); the
 * submission's status is derived from its cases by {@code SubmissionStatus.of}, the one rule (the statistics use it
 * too); each case is a transaction event of its department, committed with it; a citizen sees only their own
 * submissions, a reviewer only their department's cases, a specialist those they assisted, anyone else 404; staff
 * reads are audited.
 *
 * <p>Depends on {@code calendar}, {@code document}, {@code transaction}, {@code kiosk}, {@code catalog},
 * {@code audit}, {@code common}; implements {@code document}'s {@code SubmissionAccess} port. Callers: {@code rating},
 * {@code stats}.
 */
package cn.gov.gd.yzz.submission;
