-- Issue 17, the rest of the resident's journey: the resident answers a supplement request (补正) through an explicit
-- step, the time limit pauses while the case waits for them, an unanswered request expires into a withdrawal, and
-- the applicant may withdraw (撤回) before the decision.

ALTER TABLE submission_case DROP CONSTRAINT submission_case_status_check;
ALTER TABLE submission_case ADD CONSTRAINT submission_case_status_check CHECK (status IN ('submitted', 'accepted',
    'supplement_requested', 'supplement_submitted', 'approved', 'rejected', 'withdrawn'));

-- while a supplement is requested: the day it was requested (the pause starts after it) and the last day the
-- resident may answer; paused_days sums the working days of finished pauses, so that a due date counted again on a
-- newly published calendar keeps them
ALTER TABLE submission_case
    ADD COLUMN supplement_requested_on date,
    ADD COLUMN supplement_deadline     date,
    ADD COLUMN paused_days             integer NOT NULL DEFAULT 0 CHECK (paused_days >= 0);
-- cases already waiting: paused from their request's day, with four calendar weeks to answer (about the default 20
-- working days; the working-day calendar is not at hand in SQL) counted from the later of that day and this deploy:
-- no resident was ever told a deadline, so none may lapse on the first start of the expiry job
UPDATE submission_case c SET supplement_requested_on = r.day,
       supplement_deadline = greatest(r.day, (now() AT TIME ZONE 'Asia/Shanghai')::date) + 28
FROM (SELECT case_id, max(at AT TIME ZONE 'Asia/Shanghai')::date AS day FROM case_event
      WHERE status = 'supplement_requested' GROUP BY case_id) r
WHERE r.case_id = c.id AND c.status = 'supplement_requested';
UPDATE submission_case SET supplement_requested_on = received_on,
       supplement_deadline = greatest(received_on, (now() AT TIME ZONE 'Asia/Shanghai')::date) + 28
WHERE status = 'supplement_requested' AND supplement_deadline IS NULL;
ALTER TABLE submission_case ADD CONSTRAINT case_supplement_waiting
    CHECK ((status = 'supplement_requested') = (supplement_deadline IS NOT NULL));

-- the expiry job reads only the waiting cases
CREATE INDEX case_supplement_deadline_idx ON submission_case (supplement_deadline)
    WHERE status = 'supplement_requested';

-- Each request for a supplement and its answer: what the reviewer named, what the resident changed, how long it took.
CREATE TABLE case_supplement (
    id              bigserial     PRIMARY KEY,
    case_id         uuid          NOT NULL REFERENCES submission_case (id),
    requested_at    timestamptz   NOT NULL,
    requested_by    varchar(64)   NOT NULL,
    materials       varchar(200)[] NOT NULL DEFAULT '{}',
    form_fields     varchar(100)[] NOT NULL DEFAULT '{}',
    comment         varchar(1000) NOT NULL,
    deadline        date          NOT NULL,
    outcome         varchar(12)   CHECK (outcome IN ('supplemented', 'accepted', 'rejected', 'withdrawn', 'expired')),
    answered_at     timestamptz,
    answered_by     varchar(64),
    answer_comment  varchar(1000),
    amended_fields  varchar(100)[] NOT NULL DEFAULT '{}',
    waited_days     integer       CHECK (waited_days >= 0),
    CONSTRAINT supplement_closed CHECK ((outcome IS NULL) = (answered_at IS NULL))
);
CREATE INDEX case_supplement_case_idx ON case_supplement (case_id, requested_at);
-- one open request per case
CREATE UNIQUE INDEX case_supplement_open_idx ON case_supplement (case_id) WHERE outcome IS NULL;
