-- Statistics at province scale: rollups coarse enough that a year's figures are read from a few ten thousand rows,
-- all kept exact in the transaction that stores the events (see TransactionRecorder).

-- Dense integer ordinals of residents, for the compressed bitmaps of distinct residents (ResidentBitmaps).
ALTER TABLE citizen ADD COLUMN ordinal integer GENERATED ALWAYS AS IDENTITY;
ALTER TABLE citizen ADD CONSTRAINT citizen_ordinal_unique UNIQUE (ordinal);

-- Residents per day and department: the source of the in-memory bitmaps. seen_by is the inserting transaction, so
-- that every instance can read just the rows that became visible since its last read (see ResidentBitmaps).
DROP TABLE resident_day;
CREATE TABLE resident_day (
    day              date         NOT NULL,
    department_code  varchar(40)  NOT NULL,
    citizen_ordinal  integer      NOT NULL,
    seen_by          xid8         NOT NULL DEFAULT pg_current_xact_id(),
    PRIMARY KEY (day, department_code, citizen_ordinal)
);
CREATE INDEX resident_day_seen_by_idx ON resident_day (seen_by);
INSERT INTO resident_day (day, department_code, citizen_ordinal)
SELECT DISTINCT e.day, e.department_code, c.ordinal
FROM transaction_event e JOIN citizen c ON c.id = e.citizen_id;

-- Per day, department, channel and assistance: answers grouping by department, day, month and channel.
CREATE TABLE txn_department_day (
    day              date         NOT NULL,
    department_code  varchar(40)  NOT NULL,
    channel          varchar(10)  NOT NULL,
    assisted         boolean      NOT NULL,
    transactions     bigint       NOT NULL,
    PRIMARY KEY (day, department_code, channel, assisted)
);

-- Per town, kept twice for each event: once under its department's code and once under scope '*' (all
-- departments), so that both the province view and a department's view read only their own rows.
-- Mobile transactions have the town ''.
CREATE TABLE txn_town_day (
    scope         varchar(40)   NOT NULL,
    day           date          NOT NULL,
    town          varchar(100)  NOT NULL,
    assisted      boolean       NOT NULL,
    transactions  bigint        NOT NULL,
    PRIMARY KEY (scope, day, town, assisted)
);
CREATE TABLE txn_town_month (
    scope         varchar(40)   NOT NULL,
    month         date          NOT NULL,
    town          varchar(100)  NOT NULL,
    assisted      boolean       NOT NULL,
    transactions  bigint        NOT NULL,
    PRIMARY KEY (scope, month, town, assisted)
);

-- The fine rollup answers grouping by kiosk, village and service item; these let filters use its index.
CREATE INDEX txn_daily_department_idx ON txn_daily (department_code, day);
CREATE INDEX txn_daily_town_idx ON txn_daily (town, day);

INSERT INTO txn_department_day (day, department_code, channel, assisted, transactions)
SELECT day, department_code, channel, assisted, sum(transactions) FROM txn_daily GROUP BY 1, 2, 3, 4;
INSERT INTO txn_town_day (scope, day, town, assisted, transactions)
SELECT department_code, day, town, assisted, sum(transactions) FROM txn_daily GROUP BY 1, 2, 3, 4
UNION ALL
SELECT '*', day, town, assisted, sum(transactions) FROM txn_daily GROUP BY 2, 3, 4;
INSERT INTO txn_town_month (scope, month, town, assisted, transactions)
SELECT scope, date_trunc('month', day)::date, town, assisted, sum(transactions) FROM txn_town_day GROUP BY 1, 2, 3, 4;

-- Submissions of a period, for the summary.
CREATE INDEX submission_created_idx ON submission (created_at);
CREATE INDEX case_department_created_idx ON submission_case (department_code, created_at);
