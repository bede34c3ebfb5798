-- Monthly partitions of the event log (transaction_event and resident_day, partitioned since V20), kept by the
-- service's EventLogMaintenance: months are created ahead of the events, and months past the retention period are
-- dropped whole. Both functions take the same transaction-scoped advisory lock, so instances running them at the
-- same moment take turns instead of colliding on the catalog. Partition names: <table>_pYYYYMM.

-- Creates the month tables of both logs from p_from's month to p_to's month that do not exist yet; returns how many
-- it created. Rows of such a month that the DEFAULT partition took meanwhile move into the new table: the default
-- is locked for the move, so no row of that month can arrive between the move and the attach.
CREATE OR REPLACE FUNCTION event_log_create_months(p_from date, p_to date) RETURNS integer
LANGUAGE plpgsql
-- attaching and dropping a month lock the parent table: rather give up (the next run tries again) than queue every
-- kiosk batch behind a long statement that holds the table
SET lock_timeout = '5s'
AS $$
DECLARE
    parent text;
    month date := date_trunc('month', p_from)::date;
    next_month date;
    part text;
    created integer := 0;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('event_log_partitions'));
    WHILE month <= p_to LOOP
        next_month := (month + interval '1 month')::date;
        FOREACH parent IN ARRAY ARRAY['transaction_event', 'resident_day'] LOOP
            part := parent || '_p' || to_char(month, 'YYYYMM');
            CONTINUE WHEN to_regclass(part) IS NOT NULL;
            EXECUTE format('LOCK TABLE %I IN ACCESS EXCLUSIVE MODE', parent || '_default');
            EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', part, parent);
            EXECUTE format('WITH moved AS (DELETE FROM %I WHERE day >= %L AND day < %L RETURNING *) '
                    || 'INSERT INTO %I SELECT * FROM moved', parent || '_default', month, next_month, part);
            EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)',
                    parent, part, month, next_month);
            created := created + 1;
        END LOOP;
        month := next_month;
    END LOOP;
    RETURN created;
END
$$;

-- Whether a resident_day table still holds a row the resident bitmap snapshots (V19, ResidentSnapshots in stats) do
-- not: one with seen_by at or above the snapshot horizon. Without a snapshot table every row counts as unsnapshotted.
CREATE OR REPLACE FUNCTION event_log_resident_month_unsnapshotted(p_table text) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
    found boolean;
BEGIN
    IF to_regclass('resident_snapshot_state') IS NULL THEN
        RETURN true;
    END IF;
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE seen_by >= '
            || 'coalesce((SELECT covers_below FROM resident_snapshot_state WHERE id = 1), ''0''::xid8))', p_table) INTO found;
    RETURN coalesce(found, true);
END
$$;

-- Drops the month tables of both logs that end on or before p_before (the first day of the oldest month kept) and
-- deletes the default partition's rows before it; returns the tables dropped. The rollups (txn_*) and the resident
-- bitmap snapshots are not touched: they keep the figures. A resident_day month leaves only once the snapshots hold
-- all its rows (every row's seen_by below the snapshot horizon); otherwise it waits for the next run.
CREATE OR REPLACE FUNCTION event_log_drop_months_before(p_before date) RETURNS SETOF text
LANGUAGE plpgsql
SET lock_timeout = '5s'
AS $$
DECLARE
    parent text;
    part record;
    waiting boolean;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('event_log_partitions'));
    FOREACH parent IN ARRAY ARRAY['transaction_event', 'resident_day'] LOOP
        FOR part IN
            SELECT c.relname AS name, to_date(right(c.relname, 6), 'YYYYMM') AS month
              FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
             WHERE i.inhparent = parent::regclass AND c.relname ~ ('^' || parent || '_p[0-9]{6}$')
               AND (to_date(right(c.relname, 6), 'YYYYMM') + interval '1 month')::date <= p_before
             ORDER BY 2
        LOOP
            IF parent = 'resident_day' THEN
                waiting := event_log_resident_month_unsnapshotted(part.name);
                CONTINUE WHEN waiting;
            END IF;
            EXECUTE format('DROP TABLE %I', part.name);
            RETURN NEXT part.name;
        END LOOP;
        IF parent = 'transaction_event' THEN
            DELETE FROM transaction_event_default WHERE day < p_before;
        ELSIF NOT event_log_resident_month_unsnapshotted('resident_day_default') THEN
            DELETE FROM resident_day_default WHERE day < p_before;
        END IF;
    END LOOP;
END
$$;
