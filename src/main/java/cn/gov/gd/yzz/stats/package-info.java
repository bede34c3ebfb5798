/**
 * Statistics for operators and reviewers: transactions (办件量) grouped by department, kiosk, town, village, day,
 * month, service or channel; the summary (residents served, assisted share, kiosks online, submissions by status,
 * overdue cases, ratings); their CSV export.
 *
 * <p>Owns no table: it reads the rollups that {@code transaction} keeps exact at ingestion ({@code TransactionRollups})
 * and the per-instance resident bitmaps built from {@code resident_day} ({@code ResidentBitmaps}).
 *
 * <p>Invariants: never scans raw events per request; figures are exact (distinct residents included); a reviewer sees
 * their own department only; periods are Asia/Shanghai days, bounded by {@code yzz.stats.max-period-days}.
 *
 * <p>Depends on {@code transaction}, {@code submission}, {@code rating}, {@code kiosk}, {@code catalog}, {@code common}.
 */
package cn.gov.gd.yzz.stats;
