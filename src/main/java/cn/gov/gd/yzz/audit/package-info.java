/**
 * The append-only audit log (审计日志): who read or changed what, when, from which address.
 *
 * <p>Owns the {@code audit_entry} table, {@link cn.gov.gd.yzz.audit.AuditLog} (writes, in the caller's transaction)
 * and the admin read API {@code GET /admin/audit}.
 *
 * <p>Invariants: entries are only ever inserted, never updated or deleted through the service; an entry commits or
 * rolls back with the change or read it records; subjects are ids, never personal data in clear.
 *
 * <p>Callers: every feature package that changes data or lets staff read another person's data. Depends on
 * {@code common} only.
 */
package cn.gov.gd.yzz.audit;
