-- The ingestion statement (record_transaction_events), kept in the database so that a batch costs one round trip
-- and one cached plan.
--
-- Its shape never depends on its arrays' contents, but PostgreSQL's automatic choice kept planning it anew for every
-- batch (a fifth of its run), so the service had to send SET LOCAL plan_cache_mode first: a second round trip per
-- batch. A PL/pgSQL function keeps its statements' plans for the session and can carry the setting itself.
--
-- The events not seen before are inserted (the primary key (event_id, day) decides, however late or concurrent a
-- repeat arrives: a repeat carries its event's occurredAt, hence its day; the log is partitioned by month since V20)
-- and only those are added to every rollup, in the one statement (so in whatever transaction runs it). They are
-- counted once by all their attributes (a batch of 100 from one kiosk makes a handful of groups) and each rollup
-- sums those groups: sorting the events once instead of once per rollup takes half the rollups' cost off every batch.
-- Each insert takes its rows in key order and the tables are always written in the same order, so concurrent batches
-- that share events or rollup rows wait for each other instead of deadlocking. Times come as microseconds since
-- 1970-01-01T00:00Z and days (in China's time zone, fixed by the caller) as days since 1970-01-01: binary numbers,
-- with nothing to parse.
-- Maintained here since V9: Flyway runs this file again whenever it changes, after the versioned migrations.
-- txn_department_day and txn_town_month rows are stamped with the writing transaction (changed_by: by default on
-- insert, set here on update), which the instances holding them in memory follow (V22).
-- Parameters are bound by name (p_event_ids => ...) by TransactionRecorder, so a renamed or reordered parameter
-- fails at once instead of shifting columns.
CREATE OR REPLACE FUNCTION record_transaction_events(
    p_event_ids uuid[], p_occurred_micros bigint[], p_epoch_days integer[],
    p_kinds text[], p_service_codes text[], p_department_codes text[],
    p_kiosk_ids text[], p_towns text[], p_villages text[],
    p_citizen_ids uuid[], p_specialists text[])
RETURNS SETOF uuid LANGUAGE plpgsql
-- its statements' plans are kept for the session and never re-planned per batch
SET plan_cache_mode = force_generic_plan
AS $$
BEGIN
    RETURN QUERY
    WITH batch AS (
        SELECT * FROM unnest(p_event_ids, p_occurred_micros, p_epoch_days, p_kinds, p_service_codes,
                p_department_codes, p_kiosk_ids, p_towns, p_villages, p_citizen_ids, p_specialists)
            AS t(event_id, occurred_micros, epoch_day, kind, service_code, department_code, kiosk_id, town, village,
                 citizen_id, specialist)
    ), inserted AS (
        INSERT INTO transaction_event (event_id, occurred_at, day, kind, service_code, department_code, channel,
                kiosk_id, town, village, citizen_id, specialist)
        SELECT event_id, timestamptz 'epoch' + occurred_micros * interval '1 microsecond', date '1970-01-01' + epoch_day,
                kind, service_code, department_code,
                CASE WHEN kiosk_id IS NULL THEN 'mobile' ELSE 'kiosk' END, kiosk_id, town, village, citizen_id,
                specialist
        FROM batch ORDER BY event_id
        ON CONFLICT (event_id, day) DO NOTHING
        RETURNING transaction_event.day, transaction_event.service_code, transaction_event.department_code,
                transaction_event.channel, transaction_event.kiosk_id, transaction_event.town,
                transaction_event.village, transaction_event.citizen_id,
                transaction_event.specialist IS NOT NULL AS assisted, transaction_event.event_id
    ), grouped AS (
        SELECT day, coalesce(kiosk_id, 'mobile') AS kiosk_key, service_code, assisted, department_code, channel,
                coalesce(town, '') AS town, coalesce(village, '') AS village, count(*) AS events
        FROM inserted GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    ), by_kiosk_item AS (
        INSERT INTO txn_daily (day, kiosk_key, service_code, assisted, department_code, town, village, channel,
                transactions)
        SELECT day, kiosk_key, service_code, assisted, min(department_code), min(town), min(village), min(channel),
                sum(events)
        FROM grouped GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
        ON CONFLICT (day, kiosk_key, service_code, assisted)
            DO UPDATE SET transactions = txn_daily.transactions + EXCLUDED.transactions
    ), by_department AS (
        INSERT INTO txn_department_day (day, department_code, channel, assisted, transactions)
        SELECT day, department_code, channel, assisted, sum(events)
        FROM grouped GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
        ON CONFLICT (day, department_code, channel, assisted)
            DO UPDATE SET transactions = txn_department_day.transactions + EXCLUDED.transactions,
                changed_by = pg_current_xact_id()::text::bigint
    ), per_scope AS (
        SELECT s.scope, c.day, c.town, c.assisted, c.events
        FROM grouped c CROSS JOIN LATERAL (VALUES (c.department_code), ('*')) AS s(scope)
    ), by_town_day AS (
        INSERT INTO txn_town_day (scope, day, town, assisted, transactions)
        SELECT scope, day, town, assisted, sum(events) FROM per_scope GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
        ON CONFLICT (scope, day, town, assisted)
            DO UPDATE SET transactions = txn_town_day.transactions + EXCLUDED.transactions
    ), by_town_month AS (
        INSERT INTO txn_town_month (scope, month, town, assisted, transactions)
        SELECT scope, date_trunc('month', day::timestamp)::date, town, assisted, sum(events)
        FROM per_scope GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
        ON CONFLICT (scope, month, town, assisted)
            DO UPDATE SET transactions = txn_town_month.transactions + EXCLUDED.transactions,
                changed_by = pg_current_xact_id()::text::bigint
    ), by_resident AS (
        INSERT INTO resident_day (day, department_code, citizen_ordinal)
        SELECT DISTINCT i.day, i.department_code, c.ordinal
        FROM inserted i JOIN citizen c ON c.id = i.citizen_id
        WHERE i.citizen_id IS NOT NULL ORDER BY 1, 2, 3
        ON CONFLICT DO NOTHING
    )
    SELECT inserted.event_id FROM inserted;
END
$$;
