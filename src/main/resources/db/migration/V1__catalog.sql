-- The service catalog: departments, service items (政务服务事项) and themes (一件事一次办).

CREATE TABLE department (
    code        varchar(40)  PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    name        varchar(100) NOT NULL UNIQUE,
    short_name  varchar(40)  NOT NULL,
    sort_order  integer      NOT NULL DEFAULT 0,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE service_item (
    code                  varchar(40)  PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_-]{1,39}$'),
    name                  varchar(200) NOT NULL,
    department_code       varchar(40)  NOT NULL REFERENCES department (code),
    kind                  varchar(20)  NOT NULL CHECK (kind IN ('licensing', 'confirmation', 'benefit',
                              'public_service', 'query', 'print', 'payment', 'other')),
    legal_basis           text         NOT NULL,
    materials             jsonb        NOT NULL DEFAULT '[]',
    statutory_limit_days  integer      NOT NULL CHECK (statutory_limit_days BETWEEN 0 AND 365),
    promised_limit_days   integer      NOT NULL,
    fee_charged           boolean      NOT NULL DEFAULT false,
    fee_description       varchar(500) NOT NULL,
    channels              varchar(20)[] NOT NULL CHECK (cardinality(channels) > 0
                              AND channels <@ ARRAY['kiosk', 'mobile', 'counter']::varchar(20)[]),
    hardware              varchar(30)[] NOT NULL DEFAULT '{}' CHECK (hardware <@ ARRAY['id_card_reader',
                              'camera', 'document_scanner', 'printer', 'payment_terminal']::varchar(30)[]),
    form_schema           jsonb        NOT NULL,
    -- search keys computed when the item is written: full pinyin and pinyin initials, polyphone variants
    -- separated by spaces
    pinyin_full           text         NOT NULL,
    pinyin_initials       text         NOT NULL,
    created_at            timestamptz  NOT NULL DEFAULT now(),
    updated_at            timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT service_item_name_per_department UNIQUE (department_code, name),
    CONSTRAINT service_item_promised_within_statutory CHECK (promised_limit_days BETWEEN 0 AND statutory_limit_days)
);
CREATE INDEX service_item_department_idx ON service_item (department_code);

CREATE TABLE theme (
    code        varchar(40)  PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    name        varchar(100) NOT NULL UNIQUE,
    description text         NOT NULL DEFAULT '',
    sort_order  integer      NOT NULL DEFAULT 0,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE theme_item (
    theme_code  varchar(40) NOT NULL REFERENCES theme (code) ON DELETE CASCADE,
    position    integer     NOT NULL,
    item_code   varchar(40) NOT NULL REFERENCES service_item (code),
    PRIMARY KEY (theme_code, position),
    CONSTRAINT theme_item_once UNIQUE (theme_code, item_code)
);
CREATE INDEX theme_item_item_idx ON theme_item (item_code);

-- One row whose version moves on every catalog change, whoever makes it (API, migration, psql): every instance
-- polls it to know when its in-memory catalog is stale.
CREATE TABLE catalog_state (
    id          smallint    PRIMARY KEY CHECK (id = 1),
    version     bigint      NOT NULL,
    changed_at  timestamptz NOT NULL
);
INSERT INTO catalog_state (id, version, changed_at) VALUES (1, 1, now());

CREATE FUNCTION catalog_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE catalog_state SET version = version + 1, changed_at = now() WHERE id = 1;
    RETURN NULL;
END;
$$;

CREATE TRIGGER department_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON department
    FOR EACH STATEMENT EXECUTE FUNCTION catalog_changed();
CREATE TRIGGER service_item_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON service_item
    FOR EACH STATEMENT EXECUTE FUNCTION catalog_changed();
CREATE TRIGGER theme_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON theme
    FOR EACH STATEMENT EXECUTE FUNCTION catalog_changed();
CREATE TRIGGER theme_item_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON theme_item
    FOR EACH STATEMENT EXECUTE FUNCTION catalog_changed();
