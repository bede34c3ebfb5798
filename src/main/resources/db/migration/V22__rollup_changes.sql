-- Rollups followed by each instance in memory (issue 20, statistics p99). A province-year answer by department, day,
-- month or channel, and every summary, summed about 35,000 txn_department_day rows per request, and one by town about
-- 38,000 txn_town_month rows; instances now hold recent years of both and read only the rows changed since their
-- last read, found by the id of the transaction that last wrote one (changed_by, as resident_day.seen_by and
-- kiosk.state_changed_by): exact, whatever order transactions commit in (stats.ChangeFollower).
-- Rows written before this migration keep '0': an instance's first read takes every row of its span anyway.
-- The stamp's index is a BRIN (block ranges): a summarizing index does not stop an update from staying in its page
-- (HOT, PostgreSQL 16 and later), and ingestion updates these rows all day; recent stamps sit in few blocks. BRIN has
-- no operator class for xid8, so the stamp is the transaction id's 64-bit value as a bigint (epoch and xid, always
-- positive), compared with a snapshot's xmin the same way.
ALTER TABLE txn_department_day ADD COLUMN changed_by bigint NOT NULL DEFAULT 0;
ALTER TABLE txn_department_day ALTER COLUMN changed_by SET DEFAULT pg_current_xact_id()::text::bigint;
CREATE INDEX txn_department_day_changed_by_idx ON txn_department_day USING brin (changed_by);
ALTER TABLE txn_town_month ADD COLUMN changed_by bigint NOT NULL DEFAULT 0;
ALTER TABLE txn_town_month ALTER COLUMN changed_by SET DEFAULT pg_current_xact_id()::text::bigint;
CREATE INDEX txn_town_month_changed_by_idx ON txn_town_month USING brin (changed_by);

-- Every write stamps the row: an insert by the column's default, an update by the ingestion statement itself
-- (R__record_transaction_events sets changed_by), and any other update by this trigger, which fires only when the
-- writer left the stamp as it was, so that no writer (a later statement, an operator's correction) can change a row
-- the instances would not see, while ingestion pays no trigger call per rollup row. (Only a session that switches
-- triggers off, as session_replication_role = replica or ALTER TABLE ... DISABLE TRIGGER do, could; the service
-- never does.)
CREATE FUNCTION rollup_row_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.changed_by := pg_current_xact_id()::text::bigint;
    RETURN NEW;
END $$;

-- Followed rollup rows are never deleted: a deleted row could not be found by the instances holding it, which would
-- go on counting it. A correction is an update of the total.
CREATE FUNCTION rollup_rows_not_deleted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% rows are corrected by an update, not deleted', TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END $$;

-- A row's key never changes either (an instance would keep counting it under its old key), and a total never goes
-- below zero (a held cell encodes "no row" as 0 and a total as total + 1).
CREATE FUNCTION rollup_key_unchanged() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% rows keep their key: correct the total instead', TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END $$;

ALTER TABLE txn_department_day ADD CONSTRAINT txn_department_day_transactions_not_negative
    CHECK (transactions >= 0);
ALTER TABLE txn_town_month ADD CONSTRAINT txn_town_month_transactions_not_negative CHECK (transactions >= 0);

CREATE TRIGGER txn_department_day_key_unchanged BEFORE UPDATE ON txn_department_day
    FOR EACH ROW
    WHEN (NEW.day IS DISTINCT FROM OLD.day OR NEW.department_code IS DISTINCT FROM OLD.department_code
          OR NEW.channel IS DISTINCT FROM OLD.channel OR NEW.assisted IS DISTINCT FROM OLD.assisted)
    EXECUTE FUNCTION rollup_key_unchanged();
CREATE TRIGGER txn_town_month_key_unchanged BEFORE UPDATE ON txn_town_month
    FOR EACH ROW
    WHEN (NEW.scope IS DISTINCT FROM OLD.scope OR NEW.month IS DISTINCT FROM OLD.month
          OR NEW.town IS DISTINCT FROM OLD.town OR NEW.assisted IS DISTINCT FROM OLD.assisted)
    EXECUTE FUNCTION rollup_key_unchanged();
CREATE TRIGGER txn_department_day_changed BEFORE UPDATE ON txn_department_day
    FOR EACH ROW WHEN (NEW.changed_by = OLD.changed_by) EXECUTE FUNCTION rollup_row_changed();
CREATE TRIGGER txn_department_day_not_deleted BEFORE DELETE OR TRUNCATE ON txn_department_day
    FOR EACH STATEMENT EXECUTE FUNCTION rollup_rows_not_deleted();
CREATE TRIGGER txn_town_month_changed BEFORE UPDATE ON txn_town_month
    FOR EACH ROW WHEN (NEW.changed_by = OLD.changed_by) EXECUTE FUNCTION rollup_row_changed();
CREATE TRIGGER txn_town_month_not_deleted BEFORE DELETE OR TRUNCATE ON txn_town_month
    FOR EACH STATEMENT EXECUTE FUNCTION rollup_rows_not_deleted();
