-- 好差评: ratings of finished submissions and of kiosk transactions, the follow-ups a 差评 (score 1 or 2) opens for
-- the departments concerned, and the daily rollup the statistics read.

-- One rating per submission and one per transaction event: the unique keys decide, so a second rating, a retry or
-- a race (two requests, or a resident and the default job on several instances) leaves exactly one row.
CREATE TABLE rating (
    id             uuid          PRIMARY KEY,
    submission_id  uuid          UNIQUE REFERENCES submission (id),
    event_id       uuid          UNIQUE REFERENCES transaction_event (event_id),
    score          integer       NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment        varchar(500),
    tags           varchar(30)[] NOT NULL DEFAULT '{}' CHECK (cardinality(tags) <= 10),
    -- recorded as 满意 by the default job because the resident gave no rating in time
    defaulted      boolean       NOT NULL DEFAULT false,
    -- citizen id, kiosk id, or 'system' for a default
    rated_by       varchar(64)   NOT NULL,
    -- when the rating counts: when it was given, or for a default when the rating period ended
    rated_at       timestamptz   NOT NULL,
    -- the Asia/Shanghai day of rated_at, the day the statistics count it on
    day            date          NOT NULL,
    created_at     timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT rating_one_subject CHECK ((submission_id IS NULL) <> (event_id IS NULL)),
    CONSTRAINT rating_default_is_satisfied CHECK (NOT defaulted OR (score = 4 AND submission_id IS NOT NULL))
);
CREATE INDEX rating_day_idx ON rating (day);

-- Ratings per day, scope and score, kept exact in the transaction that inserts the rating. Scope '' is every
-- department (each rating once); a department code counts the ratings concerning that department (a theme
-- submission's rating counts for each department with a case in it). A year is at most 366 x 5 rows per scope.
CREATE TABLE rating_daily (
    scope    varchar(40)  NOT NULL,
    day      date         NOT NULL,
    score    integer      NOT NULL CHECK (score BETWEEN 1 AND 5),
    ratings  bigint       NOT NULL,
    PRIMARY KEY (scope, day, score)
);

-- A 差评 opens one follow-up per department concerned; the department's reviewers answer it (整改 rectification
-- or 回复 reply) by its due date, counted in working days.
CREATE TABLE rating_follow_up (
    id               uuid          PRIMARY KEY,
    rating_id        uuid          NOT NULL REFERENCES rating (id),
    department_code  varchar(40)   NOT NULL REFERENCES department (code),
    status           varchar(10)   NOT NULL CHECK (status IN ('open', 'answered')),
    due_date         date          NOT NULL,
    created_at       timestamptz   NOT NULL DEFAULT now(),
    answer_type      varchar(14)   CHECK (answer_type IN ('rectification', 'reply')),
    answer_text      varchar(2000),
    answered_by      varchar(64)   REFERENCES staff_account (username),
    answered_at      timestamptz,
    CONSTRAINT follow_up_per_department UNIQUE (rating_id, department_code),
    CONSTRAINT follow_up_answered_in_full CHECK ((status = 'answered') = (answer_type IS NOT NULL
        AND answer_text IS NOT NULL AND answered_by IS NOT NULL AND answered_at IS NOT NULL))
);
CREATE INDEX follow_up_department_idx ON rating_follow_up (department_code, status, due_date);
CREATE INDEX follow_up_open_due_idx ON rating_follow_up (due_date) WHERE status = 'open';

-- The default job looks for submissions whose cases were decided within its window.
CREATE INDEX case_decided_idx ON submission_case (decided_at) WHERE decided_at IS NOT NULL;
