-- When each kiosk was last seen, in a narrow table of its own (issue 20, the heartbeat path). Every beat moves
-- last_seen_at: in the kiosk row, each batch of beats (KioskHeartbeats) rewrote whole kiosk rows, public key and
-- peripherals included, thousands of them every few seconds for a province fleet, and that write was the slowest
-- statement the fleet causes. Here a beat rewrites 40 bytes (a HOT update: no index covers last_seen_at).
-- App version and peripherals stay in kiosk and are written only when a beat reports other values than those held,
-- and only from a beat at least as new as the newest one in kiosk_presence.
CREATE TABLE kiosk_presence (
    kiosk_id     varchar(40) PRIMARY KEY REFERENCES kiosk (id),
    last_seen_at timestamptz NOT NULL
) WITH (fillfactor = 50);

INSERT INTO kiosk_presence (kiosk_id, last_seen_at)
SELECT id, last_seen_at FROM kiosk WHERE last_seen_at IS NOT NULL;

-- kiosk.last_seen_at stays while instances of the previous release may run (a rolling deploy): they still write it,
-- and this copies their beats here, so the new instances see every kiosk that beats to an old one. A later release
-- drops the trigger with the column.
CREATE FUNCTION kiosk_last_seen_copied() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO kiosk_presence AS p (kiosk_id, last_seen_at) VALUES (NEW.id, NEW.last_seen_at)
    ON CONFLICT (kiosk_id) DO UPDATE SET last_seen_at = EXCLUDED.last_seen_at
    WHERE p.last_seen_at < EXCLUDED.last_seen_at;
    RETURN NULL;
END $$;

CREATE TRIGGER kiosk_last_seen_copied AFTER UPDATE OF last_seen_at ON kiosk
    FOR EACH ROW WHEN (NEW.last_seen_at IS NOT NULL AND NEW.last_seen_at IS DISTINCT FROM OLD.last_seen_at)
    EXECUTE FUNCTION kiosk_last_seen_copied();
