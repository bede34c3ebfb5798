-- Durable, exact snapshots of the resident bitmaps (see ResidentSnapshots): one serialized RoaringBitmap (portable
-- format) of citizen ordinals per day and department, and the horizon they cover. Contract: every resident_day row
-- with seen_by < covers_below is contained in these bitmaps, so a fresh instance loads them and reads only the
-- resident_day rows at or above the horizon, and resident_day rows below it may be dropped (retention) without
-- changing any figure.
CREATE TABLE resident_snapshot (
    day              date         NOT NULL,
    department_code  varchar(40)  NOT NULL,
    residents        bytea        NOT NULL,
    PRIMARY KEY (day, department_code)
);

CREATE TABLE resident_snapshot_state (
    id            smallint     PRIMARY KEY CHECK (id = 1),
    covers_below  xid8         NOT NULL,
    folded_at     timestamptz  NOT NULL DEFAULT now()
);
-- xid8 0 is below every transaction: an empty snapshot covers nothing
INSERT INTO resident_snapshot_state (id, covers_below) VALUES (1, '0');
