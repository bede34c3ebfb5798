-- Kiosk state followed by each instance in memory (issue 20, the heartbeat path). Every request with a kiosk-bound
-- token asks whether the kiosk is enabled and where it stands; a province fleet beats 1,700 times a second, and a
-- read of the kiosk row per beat was most of a heartbeat's cost. Instances now keep every kiosk's state and read only
-- the kiosks changed since their last read, found by the id of the transaction that last changed one
-- (state_changed_by, as resident_day.seen_by): exact, whatever order transactions commit in (KioskStates).
-- state_version counts the changes of a row: row locks order the writers of one row, transaction ids do not, so an
-- instance keeps the higher version when an older read arrives after a newer one.
ALTER TABLE kiosk ADD COLUMN state_changed_by xid8 NOT NULL DEFAULT '0';
ALTER TABLE kiosk ALTER COLUMN state_changed_by SET DEFAULT pg_current_xact_id();
ALTER TABLE kiosk ADD COLUMN state_version bigint NOT NULL DEFAULT 0;
CREATE INDEX kiosk_state_changed_by_idx ON kiosk (state_changed_by);

-- What the state is: enabled, tokens_not_before, town, village and the specialists (and updated_at, which every
-- change through the register sets). A heartbeat's write (last_seen_at, app_version, peripherals) is not a change
-- of it: the trigger's WHEN keeps the function from even being called for the rows of a heartbeat batch.
CREATE FUNCTION kiosk_state_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.state_changed_by := pg_current_xact_id();
    NEW.state_version := OLD.state_version + 1;
    RETURN NEW;
END $$;

CREATE TRIGGER kiosk_state_changed BEFORE UPDATE ON kiosk
    FOR EACH ROW
    WHEN (NEW.enabled IS DISTINCT FROM OLD.enabled
          OR NEW.tokens_not_before IS DISTINCT FROM OLD.tokens_not_before
          OR NEW.town IS DISTINCT FROM OLD.town
          OR NEW.village IS DISTINCT FROM OLD.village
          OR NEW.updated_at IS DISTINCT FROM OLD.updated_at
          OR NEW.state_changed_by IS DISTINCT FROM OLD.state_changed_by)
    EXECUTE FUNCTION kiosk_state_changed();

-- A specialist assigned or removed changes the kiosk's state too (both kiosks' when a row moves), whoever writes.
CREATE FUNCTION kiosk_specialists_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE kiosk SET state_changed_by = pg_current_xact_id() WHERE id = OLD.kiosk_id;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        UPDATE kiosk SET state_changed_by = pg_current_xact_id() WHERE id = NEW.kiosk_id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER kiosk_specialists_changed AFTER INSERT OR UPDATE OR DELETE ON kiosk_specialist
    FOR EACH ROW EXECUTE FUNCTION kiosk_specialists_changed();

-- Kiosks are disabled, never deleted (their events, sessions and audit entries name them): a deleted row could not be
-- found by the instances following the register, which would go on accepting its tokens.
CREATE FUNCTION kiosk_not_deleted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'kiosks are disabled, not deleted' USING ERRCODE = 'restrict_violation';
END $$;

CREATE TRIGGER kiosk_not_deleted BEFORE DELETE ON kiosk
    FOR EACH ROW EXECUTE FUNCTION kiosk_not_deleted();
CREATE TRIGGER kiosk_not_truncated BEFORE TRUNCATE ON kiosk
    FOR EACH STATEMENT EXECUTE FUNCTION kiosk_not_deleted();
