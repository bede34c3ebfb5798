/**
 * Who a person is: citizens (one record per resident ID number, however they come in), staff accounts and their
 * logins, mini-app tickets of the provincial real-name platform, and the tokens this backend issues.
 *
 * <p>Owns {@code citizen}, {@code staff_account} and {@code used_assertion} (single use of every signed credential's
 * {@code jti}, shared with {@code kiosk}), the token issuer, the personal-data cipher and ID-number rules, signer key
 * parsing ({@code SignerPublicKeys}), and {@code /auth/miniapp}, {@code /auth/staff}.
 *
 * <p>Invariants: ID numbers are validated (GB 11643) and stored only AES-GCM encrypted plus a keyed hash, shown masked
 * to everyone but their owner; passwords only as modern hashes; a credential's {@code jti} is accepted once across
 * instances and restarts (the primary key decides); tokens carry exactly one role.
 *
 * <p>Callers: {@code kiosk} (citizen sessions at a kiosk, assertion replay), {@code submission}, {@code rating}.
 * Depends on {@code common} only.
 */
package cn.gov.gd.yzz.identity;
