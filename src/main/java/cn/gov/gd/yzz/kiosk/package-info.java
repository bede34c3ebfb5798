/**
 * The kiosk register and kiosk identity: kiosks with their public keys, town, village and specialists; device tokens
 * from client assertions; heartbeats (online/offline); citizen sessions opened by a kiosk's identity attestation.
 *
 * <p>Owns {@code kiosk}, {@code kiosk_presence} and the admin API, {@code /kiosks/{id}/token}, {@code /heartbeat},
 * {@code /citizen-sessions}, the kiosk state each instance holds in memory and follows ({@code KioskStates},
 * {@code kiosk.state_changed_by}), the guard that refuses tokens of disabled or re-keyed kiosks
 * ({@code DisabledKioskGuard}), and
 * {@code kiosk_citizen_session}: the residents each kiosk opened a session for, whom alone it may credit events to by
 * bare citizen id ({@code KioskResidents}).
 *
 * <p>Invariants: a kiosk signs only as itself ({@code kid} = {@code iss} = {@code sub} = its id); assertions and
 * attestations live at most {@code yzz.kiosk.assertion-max-lifetime} and are used once; disabling a kiosk or rotating
 * its key revokes every token bound to it (at once on this instance, within {@code yzz.kiosk.state-cache-ttl} on
 * others: every change of a kiosk's state stamps its row with the changing transaction's id, and each instance reads
 * the rows stamped at or above its previous read's snapshot xmin, so none is missed), and re-enabling does not revive
 * them. Heartbeats are refused at once (another kiosk's token 403, a disabled kiosk's 401) but written in batches
 * ({@code KioskHeartbeats}, every {@code yzz.kiosk.heartbeat-flush-interval} and at shutdown) to
 * {@code kiosk_presence}: {@code last_seen_at} is the time a beat arrived and only moves forward (several instances
 * write the same rows); app version and peripherals are written to the kiosk only when they change, and only from the
 * newest beat of the kiosk; a heartbeat's write is not a change of the kiosk's state. A heartbeat is answered on the
 * I/O thread ({@code @NonBlocking}): nothing on its path may block (the kiosk's state comes from memory; a kiosk not
 * yet met is loaded by the guard on a worker), so beats are answered while every worker is busy.
 *
 * <p>Callers: {@code transaction} (placement of a kiosk's events), {@code submission}, {@code result}, {@code stats}.
 * Depends on {@code identity}, {@code catalog}, {@code audit}, {@code common}.
 */
package cn.gov.gd.yzz.kiosk;
