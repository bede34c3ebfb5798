-- Issue 19: aliases of service items, and the change index behind GET /api/v1/catalog/changes.
-- The functions and triggers that keep the change index live in R__catalog_change_tracking.sql.

-- What residents call a service (俗称、简称、旧称: 低保, 社保卡, 老人证 ...), searched like its name. Kept by admins;
-- the search keys (full pinyin and initials, polyphone variants separated by spaces) are computed when written.
CREATE TABLE service_item_alias (
    item_code        varchar(40) NOT NULL REFERENCES service_item (code) ON DELETE CASCADE,
    position         integer     NOT NULL CHECK (position BETWEEN 0 AND 99),
    alias            varchar(30) NOT NULL CHECK (alias !~ '[[:cntrl:]]' AND alias = btrim(alias) AND alias <> ''),
    pinyin_full      text        NOT NULL,
    pinyin_initials  text        NOT NULL,
    PRIMARY KEY (item_code, position),
    CONSTRAINT service_item_alias_once UNIQUE (item_code, alias) DEFERRABLE INITIALLY DEFERRED
);

-- One row per department, service item and theme (also removed ones): the catalog version of the latest change to
-- what the public catalog shows of it (its own row or a row it shows, such as a member item's name), and the
-- version it was last added at (0: before this table existed). A kiosk holding version V needs exactly the rows
-- with version > V; one row per object rather than one per change keeps the table as small as the catalog.
CREATE TABLE catalog_change (
    entity         varchar(12) NOT NULL CHECK (entity IN ('department', 'service', 'theme')),
    code           varchar(40) NOT NULL,
    version        bigint      NOT NULL,
    added_version  bigint      NOT NULL,
    changed_at     timestamptz NOT NULL,
    PRIMARY KEY (entity, code)
);
CREATE INDEX catalog_change_version_idx ON catalog_change (version);

-- delta_floor: the oldest version a delta can start from (changes before it were not tracked, or a table was
-- truncated); version_xact: the transaction that last moved the version, so that a transaction moves it once.
ALTER TABLE catalog_state ADD COLUMN delta_floor bigint;
ALTER TABLE catalog_state ADD COLUMN version_xact xid8;
UPDATE catalog_state SET delta_floor = version;
ALTER TABLE catalog_state ALTER COLUMN delta_floor SET NOT NULL;

-- The statement-level version triggers of V1 give way to the row-level ones of R__catalog_change_tracking.sql.
DROP TRIGGER department_changed ON department;
DROP TRIGGER service_item_changed ON service_item;
DROP TRIGGER theme_changed ON theme;
DROP TRIGGER theme_item_changed ON theme_item;
DROP FUNCTION catalog_changed();
