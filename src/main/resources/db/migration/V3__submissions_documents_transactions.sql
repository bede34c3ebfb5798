-- Submissions (办件), their per-department cases, documents in the object store, and transaction events (办件量)
-- with the daily rollups the statistics read.

CREATE TABLE submission (
    id               uuid         PRIMARY KEY,
    tracking_number  varchar(32)  NOT NULL UNIQUE,
    citizen_id       uuid         NOT NULL REFERENCES citizen (id),
    service_code     varchar(40)  REFERENCES service_item (code),
    theme_code       varchar(40)  REFERENCES theme (code),
    channel          varchar(10)  NOT NULL CHECK (channel IN ('kiosk', 'mobile')),
    kiosk_id         varchar(40)  REFERENCES kiosk (id),
    assisted_by      varchar(64)  REFERENCES staff_account (username),
    form_data        jsonb        NOT NULL,
    idempotency_key  varchar(100) NOT NULL,
    request_hash     varchar(64)  NOT NULL,
    created_at       timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT submission_one_target CHECK ((service_code IS NULL) <> (theme_code IS NULL)),
    CONSTRAINT submission_kiosk_channel CHECK ((channel = 'kiosk') = (kiosk_id IS NOT NULL)),
    -- the same key from the same citizen is the same submission, however many times and however concurrently sent
    CONSTRAINT submission_idempotency UNIQUE (citizen_id, idempotency_key)
);
CREATE INDEX submission_citizen_idx ON submission (citizen_id, created_at DESC);
CREATE INDEX submission_assisted_idx ON submission (assisted_by, created_at DESC) WHERE assisted_by IS NOT NULL;

-- One case per department: a single-item submission has one, a theme one per department of its items. The
-- submission's own status is derived from its cases and is not stored.
CREATE TABLE submission_case (
    id               uuid         PRIMARY KEY,
    submission_id    uuid         NOT NULL REFERENCES submission (id),
    department_code  varchar(40)  NOT NULL REFERENCES department (code),
    service_codes    varchar(40)[] NOT NULL,
    status           varchar(24)  NOT NULL CHECK (status IN ('submitted', 'accepted', 'supplement_requested',
                                      'approved', 'rejected')),
    due_date         date         NOT NULL,
    decided_at       timestamptz,
    created_at       timestamptz  NOT NULL DEFAULT now(),
    version          bigint       NOT NULL DEFAULT 0,
    CONSTRAINT case_per_department UNIQUE (submission_id, department_code)
);
CREATE INDEX case_department_status_idx ON submission_case (department_code, status, due_date);

CREATE TABLE case_event (
    id          bigserial    PRIMARY KEY,
    case_id     uuid         NOT NULL REFERENCES submission_case (id),
    at          timestamptz  NOT NULL DEFAULT now(),
    status      varchar(24)  NOT NULL,
    actor       varchar(64)  NOT NULL,
    actor_role  varchar(20)  NOT NULL,
    comment     varchar(1000)
);
CREATE INDEX case_event_case_idx ON case_event (case_id, at);

-- Object keys are random and carry no personal data; the client's file name is kept only sanitized, as metadata.
CREATE TABLE document (
    id             uuid         PRIMARY KEY,
    submission_id  uuid         NOT NULL REFERENCES submission (id),
    object_key     varchar(200) NOT NULL UNIQUE,
    file_name      varchar(200) NOT NULL,
    content_type   varchar(100) NOT NULL,
    size_bytes     bigint,
    sha256         varchar(64),
    status         varchar(12)  NOT NULL CHECK (status IN ('pending', 'uploaded', 'rejected')),
    uploaded_by    varchar(64)  NOT NULL,
    created_at     timestamptz  NOT NULL DEFAULT now(),
    completed_at   timestamptz
);
CREATE INDEX document_submission_idx ON document (submission_id);

-- One row per transaction event. The primary key is the client-made event id: a repeat, however late or
-- concurrent, inserts nothing. Attribution (department, kiosk, town, village) is fixed at ingestion.
CREATE TABLE transaction_event (
    event_id         uuid         PRIMARY KEY,
    occurred_at      timestamptz  NOT NULL,
    day              date         NOT NULL,
    kind             varchar(12)  NOT NULL CHECK (kind IN ('query', 'print', 'payment', 'submission')),
    service_code     varchar(40)  NOT NULL REFERENCES service_item (code),
    department_code  varchar(40)  NOT NULL REFERENCES department (code),
    channel          varchar(10)  NOT NULL CHECK (channel IN ('kiosk', 'mobile')),
    kiosk_id         varchar(40)  REFERENCES kiosk (id),
    town             varchar(100),
    village          varchar(100),
    citizen_id       uuid         REFERENCES citizen (id),
    specialist       varchar(64)  REFERENCES staff_account (username),
    received_at      timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX transaction_event_day_idx ON transaction_event (day);

-- Daily counts per kiosk (or 'mobile') and service item, updated in the transaction that stores the events.
CREATE TABLE txn_daily (
    day              date         NOT NULL,
    kiosk_key        varchar(40)  NOT NULL,
    service_code     varchar(40)  NOT NULL,
    assisted         boolean      NOT NULL,
    department_code  varchar(40)  NOT NULL,
    town             varchar(100) NOT NULL,
    village          varchar(100) NOT NULL,
    channel          varchar(10)  NOT NULL,
    transactions     bigint       NOT NULL,
    PRIMARY KEY (day, kiosk_key, service_code, assisted)
);

-- Distinct residents per day (exact): one row per citizen with a transaction that day.
CREATE TABLE resident_day (
    day         date  NOT NULL,
    citizen_id  uuid  NOT NULL,
    PRIMARY KEY (day, citizen_id)
);
