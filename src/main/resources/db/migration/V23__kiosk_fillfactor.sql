-- Every kiosk row is rewritten about once a minute by the heartbeat batch (last_seen_at, KioskHeartbeats): a province
-- fleet's batch rewrites thousands of rows every few seconds. Room left in each page lets PostgreSQL put the new
-- version beside the old one (a HOT update: no new index entries, the old version pruned in place), where a full page
-- sends it to another page and adds an entry to every index of the table.
ALTER TABLE kiosk SET (fillfactor = 50);
