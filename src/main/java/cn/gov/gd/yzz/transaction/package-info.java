/**
 * Transactions (办件量): every completed service use at a kiosk or on mobile, reported by kiosks in batches or made
 * by a submission, stored once per event id and counted in the rollups.
 *
 * <p>Owns {@code transaction_event}, the rollups ({@code txn_daily}, {@code txn_department_day}, {@code txn_town_day},
 * {@code txn_town_month}), {@code resident_day}, the ingestion function ({@code R__record_transaction_events.sql}),
 * {@code POST /kiosks/{id}/transactions}, and the monthly partitions of the two logs with their retention
 * ({@code R__event_log_partitions.sql}, {@code EventLogMaintenance}).
 *
 * <p>Invariants: an event is counted if and only if its row was inserted, in the same statement (the primary
 * key (event id, day) decides, however late or concurrently a repeat arrives; a repeat carries its event's time, and
 * the events the service derives keep their first recording's time); nothing acknowledged with 2xx is lost; rows are
 * written in key order so concurrent batches wait instead of deadlocking; an event names a resident only by a citizen
 * token the kiosk holds (issued after the kiosk's last disable or key rotation) or by the id of a resident who opened
 * a session at that kiosk since then; the months a kiosk may report into always have their partition; a month leaves
 * only whole, after the retention period, and a {@code resident_day} month only once the resident snapshots hold it;
 * every write of a {@code txn_department_day} or {@code txn_town_month} row stamps it with its transaction's id
 * ({@code changed_by}: by default on insert, by the ingestion statement, by trigger for any other update; V22/V25), and
 * their rows are never deleted, never change key and never go below zero (refused by V22), which the instances
 * following them in memory rely on ({@code stats.DepartmentDayCounts}, {@code stats.TownMonthCounts}).
 *
 * <p>Callers: {@code submission} (a case is a transaction of kind {@code submission}), {@code result} (a kiosk's
 * print of a case's results is one of kind {@code print}), {@code stats}, {@code rating}.
 * Depends on {@code kiosk}, {@code catalog}, {@code common}.
 */
package cn.gov.gd.yzz.transaction;
