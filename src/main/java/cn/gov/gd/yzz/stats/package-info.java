/**
 * Statistics for operators and reviewers: transactions (办件量) grouped by department, kiosk, town, village, day,
 * month, service or channel; the summary (residents served, assisted share, kiosks online, submissions by status,
 * overdue cases, ratings); their CSV export.
 *
 * <p>Owns the persisted resident bitmaps ({@code resident_snapshot}, {@code resident_snapshot_state}, V19); reads the
 * rollups that {@code transaction} keeps exact at ingestion ({@code TransactionRollups}) and the per-instance resident
 * bitmaps ({@code ResidentBitmaps}, {@code ResidentIndex}) loaded from the stored bitmaps and the {@code resident_day}
 * rows after them, then kept up to date from {@code resident_day}; holds the recent years of {@code txn_department_day}
 * and {@code txn_town_month} in memory ({@code DepartmentDayCounts}, {@code TownMonthCounts}), followed by their rows'
 * {@code changed_by} stamps ({@code ChangeFollower}).
 *
 * <p>Invariants: never scans raw events per request; figures are exact (distinct residents included); a reviewer sees
 * their own department only; periods are Asia/Shanghai days, bounded by {@code yzz.stats.max-period-days}. Every
 * {@code resident_day} row with {@code seen_by < resident_snapshot_state.covers_below} is in the stored bitmap of its
 * day and department ({@code ResidentSnapshots}), so rows below that horizon may be dropped (retention) without
 * changing a figure, also after a restart: the stored bitmaps are the durable source, {@code resident_day} the tail.
 * Cached unions of the in-memory bitmaps are only ever added to (residents are never removed), never recomputed.
 * Whatever is held in memory is read forward before each answer (one indexed probe per holder), so an answer includes
 * every batch acknowledged before it was asked, on any instance.
 *
 * <p>Depends on {@code transaction}, {@code submission}, {@code rating}, {@code kiosk}, {@code catalog}, {@code common}.
 */
package cn.gov.gd.yzz.stats;
