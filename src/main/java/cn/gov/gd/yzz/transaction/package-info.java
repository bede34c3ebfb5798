/**
 * Transactions (办件量): every completed service use at a kiosk or on mobile, reported by kiosks in batches or made
 * by a submission, stored once per event id and counted in the rollups.
 *
 * <p>Owns {@code transaction_event}, the rollups ({@code txn_daily}, {@code txn_department_day}, {@code txn_town_day},
 * {@code txn_town_month}), {@code resident_day}, the ingestion function ({@code R__record_transaction_events.sql}) and
 * {@code POST /kiosks/{id}/transactions}.
 *
 * <p>Invariants: an event is counted if and only if its row was inserted, in the same statement (the event id's
 * primary key decides, however late or concurrently a repeat arrives); nothing acknowledged with 2xx is lost; rows are
 * written in key order so concurrent batches wait instead of deadlocking; an event names a resident only by a citizen
 * token the kiosk holds (issued after the kiosk's last disable or key rotation) or by the id of a resident who opened
 * a session at that kiosk since then.
 *
 * <p>Callers: {@code submission} (a case is a transaction of kind {@code submission}), {@code result} (a kiosk's
 * print of a case's results is one of kind {@code print}), {@code stats}, {@code rating}.
 * Depends on {@code kiosk}, {@code catalog}, {@code common}.
 */
package cn.gov.gd.yzz.transaction;
