-- Catalog change tracking: every write to the catalog, whoever makes it (the service, a migration, psql), moves
-- catalog_state.version once per transaction and notes in catalog_change which departments, service items and
-- themes now show something else. The instances poll the version to refresh their copy; GET
-- /api/v1/catalog/changes?since=V answers the objects noted after V.
--
-- What each public answer shows, hence what a row change notes:
--   department: its name, short name, item count; its name also in its items and in the themes holding them
--   service item: every column (its detail); its summary columns also in the themes holding it
--   theme: name, description, members (their summaries and departments); its name also in its members' details
--   alias: its item's detail
-- Writes that change nothing shown (a department's or theme's updated_at) move nothing, so a kiosk is not sent
-- an object that looks the same. Row versions are assigned under catalog_state's row lock, held until commit, so
-- versions follow commit order and a reader that sees version V sees every change up to V.

-- The version of the calling transaction's changes: moved on its first change, read back on the others (a bulk
-- load changes thousands of rows in one transaction; one update of catalog_state is enough).
CREATE OR REPLACE FUNCTION catalog_version_for_change() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    v bigint;
BEGIN
    SELECT version INTO v FROM catalog_state WHERE id = 1 AND version_xact = pg_current_xact_id();
    IF FOUND THEN
        RETURN v;
    END IF;
    UPDATE catalog_state SET version = version + 1, version_xact = pg_current_xact_id(), changed_at = now()
     WHERE id = 1
    RETURNING version INTO v;
    RETURN v;
END;
$$;

CREATE OR REPLACE FUNCTION catalog_note(p_entity text, p_codes text[], p_added boolean) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    v bigint := catalog_version_for_change();
BEGIN
    INSERT INTO catalog_change AS c (entity, code, version, added_version, changed_at)
    SELECT p_entity, code, v, CASE WHEN p_added THEN v ELSE 0 END, now()
      FROM (SELECT DISTINCT unnest(p_codes) AS code) codes
     WHERE code IS NOT NULL
    ON CONFLICT (entity, code) DO UPDATE
       SET version = EXCLUDED.version,
           changed_at = EXCLUDED.changed_at,
           added_version = CASE WHEN p_added THEN EXCLUDED.added_version ELSE c.added_version END;
END;
$$;

CREATE OR REPLACE FUNCTION department_noted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND (OLD.code, OLD.name, OLD.short_name, OLD.sort_order)
            IS NOT DISTINCT FROM (NEW.code, NEW.name, NEW.short_name, NEW.sort_order) THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM catalog_note('department', ARRAY[OLD.code], false);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM catalog_note('department', ARRAY[NEW.code], TG_OP = 'INSERT' OR OLD.code <> NEW.code);
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.name IS DISTINCT FROM NEW.name THEN
        PERFORM catalog_note('service',
                ARRAY(SELECT code FROM service_item WHERE department_code = NEW.code), false);
        PERFORM catalog_note('theme', ARRAY(SELECT ti.theme_code FROM theme_item ti
                JOIN service_item s ON s.code = ti.item_code WHERE s.department_code = NEW.code), false);
    END IF;
    RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION service_item_noted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM catalog_note('service', ARRAY[NEW.code], true);
        PERFORM catalog_note('department', ARRAY[NEW.department_code], false);
        RETURN NULL;
    END IF;
    IF TG_OP = 'DELETE' THEN
        PERFORM catalog_note('service', ARRAY[OLD.code], false);
        PERFORM catalog_note('department', ARRAY[OLD.department_code], false);
        RETURN NULL;
    END IF;
    IF OLD IS NOT DISTINCT FROM NEW THEN
        RETURN NULL;
    END IF;
    PERFORM catalog_note('service', ARRAY[OLD.code], false);
    PERFORM catalog_note('service', ARRAY[NEW.code], OLD.code <> NEW.code);
    IF OLD.code <> NEW.code OR OLD.department_code <> NEW.department_code THEN
        PERFORM catalog_note('department', ARRAY[OLD.department_code, NEW.department_code], false);
    END IF;
    IF (OLD.code, OLD.name, OLD.department_code, OLD.kind, OLD.channels, OLD.hardware, OLD.statutory_limit_days,
            OLD.promised_limit_days, OLD.fee_charged)
            IS DISTINCT FROM (NEW.code, NEW.name, NEW.department_code, NEW.kind, NEW.channels, NEW.hardware,
            NEW.statutory_limit_days, NEW.promised_limit_days, NEW.fee_charged) THEN
        PERFORM catalog_note('theme',
                ARRAY(SELECT theme_code FROM theme_item WHERE item_code IN (OLD.code, NEW.code)), false);
    END IF;
    RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION theme_noted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND (OLD.code, OLD.name, OLD.description, OLD.sort_order)
            IS NOT DISTINCT FROM (NEW.code, NEW.name, NEW.description, NEW.sort_order) THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM catalog_note('theme', ARRAY[OLD.code], false);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM catalog_note('theme', ARRAY[NEW.code], TG_OP = 'INSERT' OR OLD.code <> NEW.code);
    END IF;
    -- an item's detail lists its themes by name, ordered by the themes' sort order
    IF TG_OP = 'UPDATE' AND (OLD.name IS DISTINCT FROM NEW.name OR OLD.sort_order <> NEW.sort_order) THEN
        PERFORM catalog_note('service', ARRAY(SELECT ti.item_code FROM theme_item ti WHERE ti.theme_code = NEW.code
                AND (OLD.name IS DISTINCT FROM NEW.name OR EXISTS (SELECT 1 FROM theme_item other
                     WHERE other.item_code = ti.item_code AND other.theme_code <> NEW.code))), false);
    END IF;
    RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION theme_item_noted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD IS NOT DISTINCT FROM NEW THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM catalog_note('theme', ARRAY[OLD.theme_code], false);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM catalog_note('theme', ARRAY[NEW.theme_code], false);
    END IF;
    -- a position change within the theme shows only in the theme; membership shows in the item too
    IF TG_OP <> 'UPDATE' OR OLD.item_code <> NEW.item_code OR OLD.theme_code <> NEW.theme_code THEN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
            PERFORM catalog_note('service', ARRAY[OLD.item_code], false);
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
            PERFORM catalog_note('service', ARRAY[NEW.item_code], false);
        END IF;
    END IF;
    RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION service_item_alias_noted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD IS NOT DISTINCT FROM NEW THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM catalog_note('service', ARRAY[OLD.item_code], false);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM catalog_note('service', ARRAY[NEW.item_code], false);
    END IF;
    RETURN NULL;
END;
$$;

-- TRUNCATE says nothing about which rows went: deltas from before it cannot be computed, kiosks get the whole catalog.
CREATE OR REPLACE FUNCTION catalog_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    v bigint := catalog_version_for_change();
BEGIN
    UPDATE catalog_state SET delta_floor = v WHERE id = 1;
    RETURN NULL;
END;
$$;

DROP TRIGGER IF EXISTS department_noted ON department;
CREATE TRIGGER department_noted AFTER INSERT OR UPDATE OR DELETE ON department
    FOR EACH ROW EXECUTE FUNCTION department_noted();
DROP TRIGGER IF EXISTS service_item_noted ON service_item;
CREATE TRIGGER service_item_noted AFTER INSERT OR UPDATE OR DELETE ON service_item
    FOR EACH ROW EXECUTE FUNCTION service_item_noted();
DROP TRIGGER IF EXISTS theme_noted ON theme;
CREATE TRIGGER theme_noted AFTER INSERT OR UPDATE OR DELETE ON theme
    FOR EACH ROW EXECUTE FUNCTION theme_noted();
DROP TRIGGER IF EXISTS theme_item_noted ON theme_item;
CREATE TRIGGER theme_item_noted AFTER INSERT OR UPDATE OR DELETE ON theme_item
    FOR EACH ROW EXECUTE FUNCTION theme_item_noted();
DROP TRIGGER IF EXISTS service_item_alias_noted ON service_item_alias;
CREATE TRIGGER service_item_alias_noted AFTER INSERT OR UPDATE OR DELETE ON service_item_alias
    FOR EACH ROW EXECUTE FUNCTION service_item_alias_noted();

DROP TRIGGER IF EXISTS department_truncated ON department;
CREATE TRIGGER department_truncated AFTER TRUNCATE ON department
    FOR EACH STATEMENT EXECUTE FUNCTION catalog_truncated();
DROP TRIGGER IF EXISTS service_item_truncated ON service_item;
CREATE TRIGGER service_item_truncated AFTER TRUNCATE ON service_item
    FOR EACH STATEMENT EXECUTE FUNCTION catalog_truncated();
DROP TRIGGER IF EXISTS theme_truncated ON theme;
CREATE TRIGGER theme_truncated AFTER TRUNCATE ON theme
    FOR EACH STATEMENT EXECUTE FUNCTION catalog_truncated();
DROP TRIGGER IF EXISTS theme_item_truncated ON theme_item;
CREATE TRIGGER theme_item_truncated AFTER TRUNCATE ON theme_item
    FOR EACH STATEMENT EXECUTE FUNCTION catalog_truncated();
DROP TRIGGER IF EXISTS service_item_alias_truncated ON service_item_alias;
CREATE TRIGGER service_item_alias_truncated AFTER TRUNCATE ON service_item_alias
    FOR EACH STATEMENT EXECUTE FUNCTION catalog_truncated();
