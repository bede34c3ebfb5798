-- The event log is the province's largest and most written table: every kiosk batch inserts into it. Its references
-- are checked by the service before a row is written (the item against the catalog, the kiosk by its own token, the
-- resident by lookup or citizen token, the specialist against the kiosk's assignments), and none of the rows they
-- name is ever deleted: items are retired, kiosks disabled, accounts locked. The foreign keys' per-row triggers cost
-- half of the ingestion statement, and their FOR KEY SHARE locks on the few department and item rows that every
-- kiosk names turn into shared multixact locks under concurrent batches; they go.
ALTER TABLE transaction_event
    DROP CONSTRAINT transaction_event_service_code_fkey,
    DROP CONSTRAINT transaction_event_department_code_fkey,
    DROP CONSTRAINT transaction_event_kiosk_id_fkey,
    DROP CONSTRAINT transaction_event_citizen_id_fkey,
    DROP CONSTRAINT transaction_event_specialist_fkey;

-- No statistics query reads the log by day (the rollups answer them); re-deriving a rollup or archiving a year does,
-- and events arrive nearly in day order, so a block range index serves that at a fraction of a B-tree's upkeep.
DROP INDEX transaction_event_day_idx;
CREATE INDEX transaction_event_day_brin ON transaction_event USING brin (day);
