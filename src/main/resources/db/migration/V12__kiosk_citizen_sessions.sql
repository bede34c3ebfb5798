-- Which residents opened a session at which kiosk. A kiosk reports its transaction events late when its village
-- network was down, after the citizen token of the session has expired, so it may name the resident by bare citizen
-- id; that id counts only for a resident who opened a session at that kiosk (since its last disable or key rotation),
-- so a kiosk cannot credit events to residents it never served. One row per kiosk and resident.
CREATE TABLE kiosk_citizen_session (
    kiosk_id         varchar(40)  NOT NULL REFERENCES kiosk (id),
    citizen_id       uuid         NOT NULL REFERENCES citizen (id),
    first_opened_at  timestamptz  NOT NULL,
    last_opened_at   timestamptz  NOT NULL,
    PRIMARY KEY (kiosk_id, citizen_id)
);

-- Sessions opened before this table existed: the residents a kiosk credited events to within the window in which
-- events are still accepted (30 days by default, a few more for margin). The day's block range index bounds the scan.
INSERT INTO kiosk_citizen_session (kiosk_id, citizen_id, first_opened_at, last_opened_at)
SELECT kiosk_id, citizen_id, min(occurred_at), max(occurred_at)
FROM transaction_event
WHERE day >= current_date - 35 AND kiosk_id IS NOT NULL AND citizen_id IS NOT NULL
GROUP BY kiosk_id, citizen_id;
