/**
 * The service catalog (政务服务事项): departments, service items with their standard elements and JSON Schema forms,
 * and themes (一件事一次办).
 *
 * <p>Owns the catalog tables, the in-memory snapshot every read is answered from ({@code CatalogSnapshots}), the
 * search index (Chinese substrings, item codes, full pinyin and initials) and the admin API that changes them.
 *
 * <p>Invariants: reads never touch the database; each instance re-checks the catalog version every
 * {@code yzz.catalog.refresh-interval} and swaps in a whole new snapshot, so a reader sees one consistent version; the
 * ETag is a hash of the content, equal on every instance; every change is audited and validated (form schemas are
 * valid JSON Schema 2020-12).
 *
 * <p>Callers: {@code submission} (items, forms, time limits), {@code transaction} (department of an item),
 * {@code stats}, {@code rating}, {@code kiosk} (hardware). Depends on {@code audit} and {@code common}.
 */
package cn.gov.gd.yzz.catalog;
