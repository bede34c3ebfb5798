-- From this version on, record_transaction_events (created by V8) is maintained in the repeatable migration
-- R__record_transaction_events.sql, which replaces it with CREATE OR REPLACE whenever its text changes. Released
-- versioned migrations are never edited again (MigrationChecksumTest keeps them byte-identical), so a database that
-- ran any earlier release still starts. The comment below tells a reader of the database where the source lives.
COMMENT ON FUNCTION record_transaction_events(uuid[], bigint[], integer[], text[], text[], text[], text[], text[],
        text[], uuid[], text[])
    IS 'ingestion statement; source: db/migration/R__record_transaction_events.sql';
