-- Tokens bound to a kiosk issued before this moment are refused: set when the kiosk is disabled or its key rotated,
-- so re-enabling a kiosk does not revive the tokens a thief may hold.
ALTER TABLE kiosk ADD COLUMN tokens_not_before timestamptz NOT NULL DEFAULT now();

-- Reordering a theme's items rewrites item codes position by position; uniqueness is checked at commit.
ALTER TABLE theme_item DROP CONSTRAINT theme_item_once;
ALTER TABLE theme_item ADD CONSTRAINT theme_item_once UNIQUE (theme_code, item_code) DEFERRABLE INITIALLY DEFERRED;
