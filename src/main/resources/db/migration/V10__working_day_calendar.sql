-- The working-day calendar in the database (issue 15): every instance counts deadlines on the holiday arrangements
-- that admins publish each year (PUT /api/v1/admin/calendar/{year}); years without one use the baseline computed
-- from the holiday regulation, and deadlines over them are flagged provisional.

-- Every published version is kept; the one in force for a year is its highest version.
CREATE TABLE calendar_arrangement (
    year                   integer      NOT NULL CHECK (year BETWEEN 2000 AND 2200),
    version                integer      NOT NULL CHECK (version > 0),
    holidays               date[]       NOT NULL,
    adjusted_working_days  date[]       NOT NULL,
    source                 varchar(200),
    published_by           varchar(64)  NOT NULL,
    published_at           timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (year, version)
);

-- Moved by every publication in its transaction; instances poll it (one row) to notice a publication elsewhere.
-- Publishing locks this row first, so publications happen one at a time.
CREATE TABLE calendar_state (
    id          smallint    PRIMARY KEY CHECK (id = 1),
    version     bigint      NOT NULL,
    changed_at  timestamptz NOT NULL
);
INSERT INTO calendar_state (id, version, changed_at) VALUES (1, 1, now());

-- The calendar shipped until now (calendar/cn-working-days.json, the State Council notices for 2025 and 2026)
-- becomes the first published arrangements: deadlines in those years stay exactly as they were.
INSERT INTO calendar_arrangement (year, version, holidays, adjusted_working_days, source, published_by, published_at)
VALUES
    (2025, 1, '{2025-01-01,2025-01-28,2025-01-29,2025-01-30,2025-01-31,2025-02-01,2025-02-02,2025-02-03,2025-02-04,2025-04-04,2025-04-05,2025-04-06,2025-05-01,2025-05-02,2025-05-03,2025-05-04,2025-05-05,2025-05-31,2025-06-01,2025-06-02,2025-10-01,2025-10-02,2025-10-03,2025-10-04,2025-10-05,2025-10-06,2025-10-07,2025-10-08}',
        '{2025-01-26,2025-02-08,2025-04-27,2025-09-28,2025-10-11}',
        '国务院办公厅关于2025年部分节假日安排的通知', 'migration', now()),
    (2026, 1, '{2026-01-01,2026-01-02,2026-01-03,2026-02-15,2026-02-16,2026-02-17,2026-02-18,2026-02-19,2026-02-20,2026-02-21,2026-02-22,2026-02-23,2026-04-04,2026-04-05,2026-04-06,2026-05-01,2026-05-02,2026-05-03,2026-05-04,2026-05-05,2026-06-19,2026-06-20,2026-06-21,2026-09-25,2026-09-26,2026-09-27,2026-10-01,2026-10-02,2026-10-03,2026-10-04,2026-10-05,2026-10-06,2026-10-07}',
        '{2026-01-04,2026-02-14,2026-02-28,2026-05-09,2026-09-20,2026-10-10}',
        '国务院办公厅关于2026年部分节假日安排的通知', 'migration', now());

-- What a recomputation needs: the day a case's limit is counted from and the limit itself (so far only the result,
-- due_date, was kept), and whether the due date was counted over a year without a published arrangement.
ALTER TABLE submission_case
    ADD COLUMN received_on          date,
    ADD COLUMN time_limit_days      integer,
    ADD COLUMN due_date_provisional boolean NOT NULL DEFAULT false;
-- Existing cases: received on their creation day (China time); limit from the catalog as it is now (items' promised
-- limits rarely change); due dates after 2026 were counted on weekends alone, so they are provisional.
UPDATE submission_case c SET
    received_on = (c.created_at AT TIME ZONE 'Asia/Shanghai')::date,
    time_limit_days = coalesce((SELECT max(i.promised_limit_days) FROM service_item i
                                WHERE i.code = ANY (c.service_codes)), 0),
    due_date_provisional = c.due_date > DATE '2026-12-31';
ALTER TABLE submission_case
    ALTER COLUMN received_on SET NOT NULL,
    ALTER COLUMN time_limit_days SET NOT NULL,
    ADD CONSTRAINT case_time_limit_days CHECK (time_limit_days >= 0);

-- Open cases by due date: what a publication recomputes.
CREATE INDEX case_open_due_idx ON submission_case (due_date)
    WHERE status IN ('submitted', 'accepted', 'supplement_requested');
