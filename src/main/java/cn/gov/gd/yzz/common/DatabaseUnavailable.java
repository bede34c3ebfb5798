package cn.gov.gd.yzz.common;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Tells a failure of the database itself (down, restarting, failing over, out of connections) from a statement that
 * failed: only the first is worth a retry by the client, and it is no fault of the service's code. It looks through
 * the whole chain of causes, so it does not matter whether Hibernate, the pool, the transaction manager or our own
 * JDBC code wrapped the driver's exception.
 */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    /**
     * A short reason (SQLState and the driver's first line, no SQL, no values) when {@code failure} says the database
     * is unavailable; {@code null} otherwise.
     */
    public static String reason(Throwable failure) {
        return search(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static String search(Throwable failure, Set<Throwable> seen) {
        boolean connectionFailed = false;
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String reason = reason(sql);
                if (reason != null) {
                    return reason;
                }
            }
            // Hibernate's verdict, when the driver's exception below it says nothing more precise
            connectionFailed |= t instanceof org.hibernate.exception.JDBCConnectionException;
            // a failure can carry another as a suppressed exception (a failed close or rollback on the way out)
            for (Throwable suppressed : t.getSuppressed()) {
                String reason = search(suppressed, seen);
                if (reason != null) {
                    return reason;
                }
            }
        }
        return connectionFailed ? "connection failed" : null;
    }

    private static String reason(SQLException sql) {
        String state = sql.getSQLState();
        if (state == null) {
            // the pool's own refusal carries no SQLState: no connection came free (or could be made) in time
            String message = String.valueOf(sql.getMessage());
            return message.toLowerCase(java.util.Locale.ROOT).contains("acquisition timeout")
                    ? "no connection within the acquisition timeout" : null;
        }
        boolean unavailable = state.startsWith("08") // connection exception: refused, broken, closed
                || state.equals("57P01") // admin_shutdown: a restart or a fast shutdown ended the session
                || state.equals("57P02") // crash_shutdown
                || state.equals("57P03") // cannot_connect_now: starting up, shutting down, in recovery
                || state.equals("53300") // too_many_connections
                // read_only_sql_transaction: a write reached a standby (after a failover, before the client follows)
                || state.equals("25006");
        return unavailable ? state + " " + firstLine(sql.getMessage()) : null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.lines().findFirst().orElse("");
        return line.length() > 120 ? line.substring(0, 120) + "…" : line;
    }
}
