-- Identity and access: staff accounts, kiosks and their keys, citizens (ID numbers encrypted), single-use assertion
-- ids, and the append-only audit log.

CREATE TABLE staff_account (
    username        varchar(64)  PRIMARY KEY CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
    display_name    varchar(100) NOT NULL,
    role            varchar(20)  NOT NULL CHECK (role IN ('specialist', 'reviewer', 'admin')),
    department_code varchar(40)  REFERENCES department (code),
    password_hash   varchar(255) NOT NULL,
    enabled         boolean      NOT NULL DEFAULT true,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT reviewer_has_department CHECK ((role = 'reviewer') = (department_code IS NOT NULL))
);

CREATE TABLE kiosk (
    id              varchar(40)  PRIMARY KEY CHECK (id ~ '^[A-Z0-9-]{3,40}$'),
    name            varchar(100) NOT NULL,
    town            varchar(100) NOT NULL,
    village         varchar(100) NOT NULL,
    public_key_pem  text         NOT NULL,
    key_algorithm   varchar(3)   NOT NULL CHECK (key_algorithm IN ('EC', 'RSA')),
    hardware        varchar(30)[] NOT NULL DEFAULT '{}',
    enabled         boolean      NOT NULL DEFAULT true,
    app_version     varchar(50),
    peripherals     jsonb        NOT NULL DEFAULT '{}',
    last_seen_at    timestamptz,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    updated_at      timestamptz  NOT NULL DEFAULT now(),
    version         bigint       NOT NULL DEFAULT 0
);
CREATE INDEX kiosk_town_village_idx ON kiosk (town, village);

CREATE TABLE kiosk_specialist (
    kiosk_id    varchar(40) NOT NULL REFERENCES kiosk (id) ON DELETE CASCADE,
    username    varchar(64) NOT NULL REFERENCES staff_account (username),
    PRIMARY KEY (kiosk_id, username)
);

-- One row per resident, whichever way they come in: found by a keyed hash of the ID number, which itself is kept
-- only encrypted (AES-GCM) and masked.
CREATE TABLE citizen (
    id              uuid         PRIMARY KEY,
    id_number_hash  bytea        NOT NULL UNIQUE,
    id_number_enc   bytea        NOT NULL,
    id_number_mask  varchar(18)  NOT NULL,
    name            varchar(100) NOT NULL,
    real_name_level integer,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    last_login_at   timestamptz  NOT NULL DEFAULT now()
);

-- jti of accepted kiosk assertions and attestations: the primary key makes reuse fail in the database, across
-- restarts, instances and concurrent requests. Rows outlive the assertion's exp and are then purged.
CREATE TABLE used_assertion (
    issuer      varchar(64)  NOT NULL,
    jti         varchar(128) NOT NULL,
    expires_at  timestamptz  NOT NULL,
    PRIMARY KEY (issuer, jti)
);
CREATE INDEX used_assertion_expiry_idx ON used_assertion (expires_at);

CREATE TABLE audit_entry (
    id              uuid         PRIMARY KEY,
    at              timestamptz  NOT NULL DEFAULT now(),
    actor           varchar(64)  NOT NULL,
    actor_role      varchar(20)  NOT NULL,
    action          varchar(64)  NOT NULL,
    subject_type    varchar(40)  NOT NULL,
    subject_id      varchar(100) NOT NULL,
    client_address  varchar(64)  NOT NULL
);
CREATE INDEX audit_entry_at_idx ON audit_entry (at DESC);
CREATE INDEX audit_entry_actor_idx ON audit_entry (actor, at DESC);

-- The audit log is append-only for everyone, the service's own database user included.
CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_entry_no_update BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_is_append_only();
