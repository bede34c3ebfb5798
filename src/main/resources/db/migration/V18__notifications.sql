-- Issue 18, notifications: an outbox written in the transaction of the change a person must hear about, the
-- deliveries of each notification per channel (claimed by the dispatcher with FOR UPDATE SKIP LOCKED), the in-app
-- inbox, and the residents' channel preferences. No personal data in the outbox: ids, codes and wire values; a phone
-- number is read (and decrypted) only when an SMS is sent.

CREATE TABLE notification (
    id              uuid          PRIMARY KEY,
    -- the order of notifications; deliveries to one recipient on one channel go out in this order
    seq             bigserial     NOT NULL UNIQUE,
    kind            varchar(40)   NOT NULL CHECK (kind IN ('submission_received', 'accepted', 'supplement_requested',
                        'supplement_received', 'decided', 'result_ready', 'delivery_done', 'follow_up_opened',
                        'follow_up_answered', 'supplement_deadline_approaching')),
    recipient_type  varchar(12)   NOT NULL CHECK (recipient_type IN ('citizen', 'department')),
    -- a citizen's id, or a department's code (its reviewers)
    recipient       varchar(64)   NOT NULL,
    submission_id   uuid,
    case_id         uuid,
    tracking_number varchar(40),
    -- the template's values: item code, department, status, deadline, missing materials, ... (no personal data)
    params          jsonb         NOT NULL DEFAULT '{}',
    -- set by jobs that must notify once (the deadline warning): the unique key decides between instances
    once_key        varchar(200)  UNIQUE,
    created_at      timestamptz   NOT NULL
);
CREATE INDEX notification_recipient_idx ON notification (recipient_type, recipient, seq);

CREATE TABLE notification_delivery (
    -- also the idempotency key sent to the receiver on every attempt
    id              uuid          PRIMARY KEY,
    notification_id uuid          NOT NULL REFERENCES notification (id),
    seq             bigint        NOT NULL,
    channel         varchar(12)   NOT NULL CHECK (channel IN ('inbox', 'sms', 'miniapp')),
    recipient       varchar(64)   NOT NULL,
    status          varchar(12)   NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
    attempts        integer       NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz   NOT NULL,
    -- a dispatcher's claim: nobody else takes the delivery before this time
    claimed_until   timestamptz,
    claim_token     uuid,
    last_error      varchar(200),
    created_at      timestamptz   NOT NULL,
    delivered_at    timestamptz,
    dead_at         timestamptz,
    UNIQUE (notification_id, channel)
);
CREATE INDEX notification_delivery_pending_idx ON notification_delivery (channel, recipient, seq)
    WHERE status = 'pending';
CREATE INDEX notification_delivery_due_idx ON notification_delivery (next_attempt_at) WHERE status = 'pending';
CREATE INDEX notification_delivery_dead_idx ON notification_delivery (dead_at) WHERE status = 'dead';

-- The in-app inbox: one message per inbox delivery (its id), rendered in the reader's language when read.
CREATE TABLE inbox_message (
    id              uuid          PRIMARY KEY REFERENCES notification_delivery (id),
    notification_id uuid          NOT NULL REFERENCES notification (id),
    seq             bigint        NOT NULL,
    recipient_type  varchar(12)   NOT NULL,
    recipient       varchar(64)   NOT NULL,
    delivered_at    timestamptz   NOT NULL,
    read_at         timestamptz
);
CREATE INDEX inbox_message_recipient_idx ON inbox_message (recipient_type, recipient, seq DESC);

-- A resident's choice of channels per kind, the phone for SMS (encrypted, and masked for display), and the mini-app
-- subscription the mini-app reported (the platform's open id of the resident).
CREATE TABLE notification_preference (
    citizen_id      uuid          PRIMARY KEY REFERENCES citizen (id),
    sms_kinds       varchar(40)[] NOT NULL DEFAULT '{}',
    miniapp_kinds   varchar(40)[] NOT NULL DEFAULT '{}',
    phone_enc       bytea,
    phone_mask      varchar(20),
    miniapp_open_id varchar(128),
    updated_at      timestamptz   NOT NULL
);
