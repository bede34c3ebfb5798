/**
 * The service catalog (政务服务事项): departments, service items with their standard elements, aliases and JSON Schema
 * forms, and themes (一件事一次办).
 *
 * <p>Owns the catalog tables, the in-memory snapshot every read is answered from ({@code CatalogSnapshots}), the
 * search index and its ranking (names, aliases, item codes, full pinyin and initials; ties by recent use), the change
 * index behind catalog deltas ({@code catalog_change}, kept by the triggers of {@code R__catalog_change_tracking.sql})
 * and the admin API that changes them.
 *
 * <p>Invariants: reads never touch the database (the first snapshot is loaded at start, and readiness waits for it:
 * {@code CatalogWarmUpCheck}); each instance re-checks the catalog version every
 * {@code yzz.catalog.refresh-interval} and swaps in a whole new snapshot, read in one repeatable-read transaction, so
 * a reader sees one consistent version and a delta since V is exactly the difference between V and it; the ETag is a hash
 * of the content, equal on every instance; every change is audited and validated (form schemas are valid JSON
 * Schema 2020-12, aliases short visible text without repeats). A kiosk's catalog check ({@code GET /catalog/changes})
 * that the held snapshot answers with 304 is answered on the I/O thread ({@code HeldCatalogChecks}), so that path must
 * never block or build a body; every other answer, and any read that may load a snapshot first, runs on a worker.
 *
 * <p>Callers: {@code submission} (items, forms, time limits, the delivery methods an item offers:
 * {@code DeliveryMethod}), {@code transaction} (department of an item),
 * {@code stats}, {@code rating}, {@code kiosk} (hardware). Depends on {@code audit} and {@code common}; reads the
 * {@code txn_daily} rollup itself for item use ({@code ItemPopularity}), since {@code transaction} depends on it.
 */
package cn.gov.gd.yzz.catalog;
