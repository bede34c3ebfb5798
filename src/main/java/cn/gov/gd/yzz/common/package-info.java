/**
 * The shared pieces every feature uses and that belong to none: the problem contract (RFC 9457 answers and their
 * mappers), the caller ({@code Caller}, {@code Roles}), paging, query-parameter checks, the project's time zone
 * ({@code ChinaTime}) and channels, and raw SQL ({@code Jdbc}, {@code Sql}: when to use Panache, a native query or
 * raw JDBC is said there).
 *
 * <p>Invariants: depends on no feature package (ArchitectureTest); no answer carries a stack trace, SQL, a class name
 * or a path; an unexpected failure answers 500 with an incident id that is also in the log.
 */
package cn.gov.gd.yzz.common;
