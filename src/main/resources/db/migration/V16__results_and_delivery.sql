-- Issue 17, results (办结) and delivery (送达): a reviewer attaches result documents (决定书, 证明, 证照 as PDF) to a case;
-- the resident chose at submission how to receive them; the delivery is recorded with its time and how it was done.

-- which delivery methods an item offers; every method for the existing catalog (the demo's 230 items): whatever a
-- department hands out can be downloaded, printed at a kiosk, picked up at the counter or posted
ALTER TABLE service_item ADD COLUMN delivery_methods varchar(16)[] NOT NULL
    DEFAULT ARRAY['electronic', 'kiosk_print', 'counter', 'post']::varchar(16)[]
    CHECK (delivery_methods <@ ARRAY['electronic', 'kiosk_print', 'counter', 'post']::varchar(16)[]);

-- the applicant's choice; existing submissions receive their results electronically. The postal address is personal
-- data: stored encrypted like the citizen's name (identity's PersonalDataCipher)
ALTER TABLE submission
    ADD COLUMN delivery_method  varchar(16) NOT NULL DEFAULT 'electronic'
        CHECK (delivery_method IN ('electronic', 'kiosk_print', 'counter', 'post')),
    ADD COLUMN delivery_address bytea,
    ADD CONSTRAINT submission_post_has_address CHECK (delivery_method <> 'post' OR delivery_address IS NOT NULL);

-- per case: how many results are attached, when they became the resident's (decided with a result), and the delivery
ALTER TABLE submission_case
    ADD COLUMN result_count       integer     NOT NULL DEFAULT 0 CHECK (result_count >= 0),
    ADD COLUMN result_ready_at    timestamptz,
    ADD COLUMN delivered_at       timestamptz,
    ADD COLUMN delivered_how      varchar(16) CHECK (delivered_how IN ('electronic', 'kiosk_print', 'counter', 'post')),
    ADD COLUMN delivered_by       varchar(64),
    ADD COLUMN delivery_kiosk_id  varchar(64),
    ADD COLUMN postal_tracking    varchar(64),
    ADD CONSTRAINT case_delivered_after_ready CHECK (delivered_at IS NULL OR result_ready_at IS NOT NULL),
    ADD CONSTRAINT case_delivered_how CHECK ((delivered_at IS NULL) = (delivered_how IS NULL));
-- the cases awaiting delivery, for the statistics
CREATE INDEX case_awaiting_delivery_idx ON submission_case (department_code, received_on)
    WHERE result_ready_at IS NOT NULL AND delivered_at IS NULL;

-- timeline steps that do not move the case: a result attached, the result delivered
ALTER TABLE case_event ADD COLUMN step varchar(20) CHECK (step IN ('result_attached', 'delivered'));

-- Result documents of a case, stored in the object store under random keys like the materials.
CREATE TABLE case_result (
    id             uuid         PRIMARY KEY,
    case_id        uuid         NOT NULL REFERENCES submission_case (id),
    submission_id  uuid         NOT NULL REFERENCES submission (id),
    kind           varchar(12)  NOT NULL CHECK (kind IN ('decision', 'certificate', 'licence')),
    object_key     varchar(200) NOT NULL UNIQUE,
    file_name      varchar(200) NOT NULL,
    content_type   varchar(100) NOT NULL,
    size_bytes     bigint       NOT NULL,
    sha256         varchar(64)  NOT NULL,
    uploaded_by    varchar(64)  NOT NULL,
    created_at     timestamptz  NOT NULL
);
CREATE INDEX case_result_case_idx ON case_result (case_id, created_at);
