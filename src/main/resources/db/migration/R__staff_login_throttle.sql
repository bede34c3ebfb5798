-- Staff sign-in throttling (tables: V11__staff_login_throttle.sql). One statement per step, each its own transaction,
-- so that every instance counts in the same rows and the database's clock is the only clock.

-- Counts one sign-in attempt before its password is checked, or says how long to wait. Counting first (and giving
-- the attempt back on success) means parallel guesses cannot all pass a check made before any of them failed.
--   wait_seconds = 0: go ahead; address_counted says whether the address's count was raised (given back on success).
--   wait_seconds > 0: refused, nothing counted.
-- A pair's first p_free_failures attempts are free; from then on each failure blocks the pair for p_first_delay,
-- doubling per failure up to p_max_delay. A pair quiet for p_forget_after starts again from zero. An address gets
-- p_address_failures attempts per p_address_window for accounts that have not signed in from it within p_known_for.
CREATE OR REPLACE FUNCTION staff_login_attempt(
    p_username         text,
    p_address          text,
    p_free_failures    integer,
    p_first_delay      interval,
    p_max_delay        interval,
    p_address_failures integer,
    p_address_window   interval,
    p_forget_after     interval,
    p_known_for        interval,
    OUT wait_seconds    integer,
    OUT address_counted boolean)
LANGUAGE plpgsql
AS $$
DECLARE
    at     timestamptz := clock_timestamp();
    pair   staff_login_pair%ROWTYPE;
    origin staff_login_address%ROWTYPE;
BEGIN
    wait_seconds := 0;
    address_counted := false;
    INSERT INTO staff_login_pair (username, address) VALUES (p_username, p_address) ON CONFLICT DO NOTHING;
    -- the row lock makes concurrent attempts of one pair (on any instance) count one after the other
    SELECT * INTO pair FROM staff_login_pair WHERE username = p_username AND address = p_address FOR UPDATE;
    IF pair.blocked_until > at THEN
        wait_seconds := ceil(extract(epoch FROM pair.blocked_until - at));
        RETURN;
    END IF;
    IF pair.last_failure < at - p_forget_after THEN
        pair.failures := 0;
    END IF;
    IF pair.last_success IS NULL OR pair.last_success < at - p_known_for THEN
        INSERT INTO staff_login_address (address, window_start) VALUES (p_address, at) ON CONFLICT DO NOTHING;
        SELECT * INTO origin FROM staff_login_address WHERE address = p_address FOR UPDATE;
        IF origin.window_start <= at - p_address_window THEN
            origin.failures := 0;
            origin.window_start := at;
        END IF;
        IF origin.failures >= p_address_failures THEN
            wait_seconds := greatest(1, ceil(extract(epoch FROM origin.window_start + p_address_window - at)));
            RETURN;
        END IF;
        UPDATE staff_login_address SET failures = origin.failures + 1, window_start = origin.window_start
         WHERE address = p_address;
        address_counted := true;
    END IF;
    pair.failures := pair.failures + 1;
    UPDATE staff_login_pair
       SET failures = pair.failures,
           last_failure = at,
           blocked_until = CASE WHEN pair.failures >= p_free_failures
               THEN at + least(p_max_delay, p_first_delay * power(2, least(pair.failures - p_free_failures, 30)))
           END
     WHERE username = p_username AND address = p_address;
END
$$;

-- The attempt was the right password: it does not count, and the address becomes a known one for the account.
CREATE OR REPLACE FUNCTION staff_login_succeeded(p_username text, p_address text, p_address_counted boolean)
RETURNS void
LANGUAGE sql
AS $$
    UPDATE staff_login_pair SET failures = 0, blocked_until = NULL, last_success = clock_timestamp()
     WHERE username = p_username AND address = p_address;
    UPDATE staff_login_address SET failures = greatest(failures - 1, 0)
     WHERE address = p_address AND p_address_counted;
$$;

-- Rows that no longer change any answer: neither blocked, nor failing recently, nor a known address.
CREATE OR REPLACE FUNCTION staff_login_forget(p_address_window interval, p_forget_after interval,
    p_known_for interval)
RETURNS void
LANGUAGE sql
AS $$
    DELETE FROM staff_login_pair
     WHERE coalesce(blocked_until, '-infinity') < now()
       AND coalesce(last_failure, '-infinity') < now() - p_forget_after
       AND coalesce(last_success, '-infinity') < now() - p_known_for;
    DELETE FROM staff_login_address WHERE window_start < now() - p_address_window;
$$;
