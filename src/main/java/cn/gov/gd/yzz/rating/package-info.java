/**
 * 好差评: residents' 5-level ratings of a decided submission or of a kiosk transaction, the default rating after the
 * rating period, and the follow-ups a 差评 (1-2) opens for each department concerned.
 *
 * <p>Owns {@code rating}, {@code rating_follow_up} and the {@code rating_daily} rollup, and serves the rating figures
 * to {@code stats} ({@code RatingStatistics}).
 *
 * <p>Invariants: one rating per submission and per transaction event (the unique key decides between racing
 * residents, retries and instances); the rollup changes in the rating's own transaction; follow-up due dates count
 * working days; comments are shown with ID and phone numbers masked, and staff reads are audited.
 *
 * <p>Depends on {@code submission}, {@code transaction}, {@code catalog}, {@code audit}, {@code common}.
 */
package cn.gov.gd.yzz.rating;
