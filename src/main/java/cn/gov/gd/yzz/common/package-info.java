/**
 * The shared pieces every feature uses and that belong to none: the problem contract (RFC 9457 answers and their
 * mappers), the caller ({@code Caller}, {@code Roles}), paging, query-parameter checks, the project's time zone
 * ({@code ChinaTime}) and channels, raw SQL ({@code Jdbc}, {@code Sql}: when to use Panache, a native query or
 * raw JDBC is said there), and the one answer to a database that cannot be reached ({@code DatabaseUnavailable},
 * {@code DatabaseOutages}: 503 with {@code Retry-After}, one log line per interval). The edge's input rules: request
 * bodies read strictly ({@code RequestBodyJson}: no duplicate keys, no coerced numbers), text without control
 * characters in bodies and parameters ({@code TextRules}, {@code ParameterTextFilter}, {@code FreeText});
 * {@code Location} headers as paths ({@code Locations}). Operability: the request's ids in the log context
 * ({@code RequestLogContext}), JSON log lines, security events, and which spans are traced and exported
 * ({@code TraceSampling}, {@code TraceExportSwitch}). Tokens: the known-good tokens and their claims
 * ({@code VerifiedTokenCache}), the provider of the signatures made and checked with jose4j ({@code JwsCrypto}: Bouncy
 * Castle, asked for by name), and the first check of a bearer token through it ({@code BearerSignatureCheck}: never
 * passes a token SmallRye JWT would refuse; off for any SmallRye setting it does not mirror). Loads at start that readiness waits for ({@code WarmUp}:
 * the catalog, the statistics).
 *
 * <p>Invariants: depends on no feature package (ArchitectureTest); no answer carries a stack trace, SQL, a class name
 * or a path; an unexpected failure answers 500 with an incident id that is the request's trace id (in the log and
 * the exported trace), a database outage 503.
 */
package cn.gov.gd.yzz.common;
