-- The event log by month (issue 20). transaction_event and resident_day grow with every kiosk batch and nothing
-- ever left them; they become declaratively partitioned by month on `day`, so that
--   * ingestion writes into one month's table and indexes, which stay small whatever the log's age, and
--   * raw events past the retention period leave by DROP of a whole month (R__event_log_partitions.sql), without
--     a DELETE's dead rows and vacuum; the rollups (txn_*, the resident bitmap snapshots) keep the figures.
-- A DEFAULT partition takes a row whose month has no table yet (a test clock, a bulk load of history); the
-- maintenance function moves such rows into their month when it creates it. Months are created ahead by the service
-- (EventLogMaintenance), so a kiosk batch never waits for DDL.
--
-- A partitioned table's unique keys must contain the partition key: the event log's key becomes (event_id, day).
-- Every event's day is fixed by its occurredAt, which a kiosk's retry repeats, and the events the service derives
-- (a submission's, a kiosk print's) keep the time of their first recording, so a repeat still meets its original.

-- Ratings of kiosk transactions name their event; the service checks it exists when the rating is made, and the
-- event may later leave with its month while the rating (a figure of 好差评) stays.
ALTER TABLE rating DROP CONSTRAINT IF EXISTS rating_event_id_fkey;

ALTER TABLE transaction_event RENAME TO transaction_event_before_v20;
ALTER INDEX transaction_event_pkey RENAME TO transaction_event_before_v20_pkey;
ALTER INDEX transaction_event_day_brin RENAME TO transaction_event_before_v20_day_brin;
CREATE TABLE transaction_event (
    LIKE transaction_event_before_v20 INCLUDING DEFAULTS INCLUDING CONSTRAINTS,
    PRIMARY KEY (event_id, day)
) PARTITION BY RANGE (day);
CREATE INDEX transaction_event_day_brin ON transaction_event USING brin (day);
CREATE TABLE transaction_event_default PARTITION OF transaction_event DEFAULT;

ALTER TABLE resident_day RENAME TO resident_day_before_v20;
ALTER INDEX resident_day_pkey RENAME TO resident_day_before_v20_pkey;
ALTER INDEX resident_day_seen_by_idx RENAME TO resident_day_before_v20_seen_by_idx;
CREATE TABLE resident_day (
    LIKE resident_day_before_v20 INCLUDING DEFAULTS INCLUDING CONSTRAINTS,
    PRIMARY KEY (day, department_code, citizen_ordinal)
) PARTITION BY RANGE (day);
CREATE INDEX resident_day_seen_by_idx ON resident_day (seen_by);
CREATE TABLE resident_day_default PARTITION OF resident_day DEFAULT;

-- One table per month from the oldest month held (at most 36 months back; older rows go to the default partition,
-- where the retention job deletes them) to three months ahead. Partition names: <table>_pYYYYMM.
DO $$
DECLARE
    month date;
    last date := (date_trunc('month', current_date) + interval '3 months')::date;
BEGIN
    SELECT greatest(date_trunc('month', least(min(day), current_date)),
                    date_trunc('month', current_date) - interval '36 months')::date
      INTO month
      FROM (SELECT min(day) AS day FROM transaction_event_before_v20
            UNION ALL SELECT min(day) FROM resident_day_before_v20) oldest;
    WHILE month <= last LOOP
        EXECUTE format('CREATE TABLE %I PARTITION OF transaction_event FOR VALUES FROM (%L) TO (%L)',
                'transaction_event_p' || to_char(month, 'YYYYMM'), month, (month + interval '1 month')::date);
        EXECUTE format('CREATE TABLE %I PARTITION OF resident_day FOR VALUES FROM (%L) TO (%L)',
                'resident_day_p' || to_char(month, 'YYYYMM'), month, (month + interval '1 month')::date);
        month := (month + interval '1 month')::date;
    END LOOP;
END
$$;

-- seen_by is copied as it is: the rows keep the transaction ids the statistics already read them by.
INSERT INTO transaction_event SELECT * FROM transaction_event_before_v20;
INSERT INTO resident_day SELECT * FROM resident_day_before_v20;
DROP TABLE transaction_event_before_v20;
DROP TABLE resident_day_before_v20;
