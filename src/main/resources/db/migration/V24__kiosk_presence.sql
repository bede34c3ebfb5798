-- When each kiosk was last seen, in a narrow table of its own (issue 20, the heartbeat path). Every beat moves
-- last_seen_at: in the kiosk row, each batch of beats (KioskHeartbeats) rewrote whole kiosk rows, public key and
-- peripherals included, thousands of them every few seconds for a province fleet, and that write was the slowest
-- statement the fleet causes. Here a beat rewrites 40 bytes (a HOT update: no index covers last_seen_at).
-- App version and peripherals stay in kiosk and are written only when a beat reports other values than those held;
-- reported_at is when the values held were reported, so a beat older than it (held back by another instance) does
-- not put older values back.
-- kiosk.last_seen_at is left in place and no longer written: instances of the previous release, still running during a
-- rolling deploy, read and write it; a later release drops it.
CREATE TABLE kiosk_presence (
    kiosk_id     varchar(40) PRIMARY KEY REFERENCES kiosk (id),
    last_seen_at timestamptz NOT NULL
) WITH (fillfactor = 50);

INSERT INTO kiosk_presence (kiosk_id, last_seen_at)
SELECT id, last_seen_at FROM kiosk WHERE last_seen_at IS NOT NULL;

ALTER TABLE kiosk ADD COLUMN reported_at timestamptz;
UPDATE kiosk SET reported_at = last_seen_at WHERE last_seen_at IS NOT NULL;
