-- Failed staff sign-ins, kept where every instance sees them (issue 14: per-instance counts allowed N instances N times
-- the guesses). The functions that count them are in R__staff_login_throttle.sql.
--
-- There is no per-account lock: anyone could have used it to lock the real user out. Failures are counted per account
-- and client address (a pair), with a delay that doubles after a few, and per address over all accounts (spraying
-- one password over many names), which spares accounts that signed in from that address before.

-- One account at one client address. Unknown user names get rows too, so that their answers look the same.
CREATE TABLE staff_login_pair (
    username      text        NOT NULL,
    address       text        NOT NULL,
    -- attempts counted since the last success (an attempt counts before its password is checked; a success resets)
    failures      integer     NOT NULL DEFAULT 0,
    -- no attempt for this pair before then: 429 with Retry-After
    blocked_until timestamptz,
    last_failure  timestamptz,
    -- a recent success makes this address a known one for the account: the address limit does not apply to it
    last_success  timestamptz,
    PRIMARY KEY (username, address)
);

-- One client address, over all accounts that have not signed in from it recently: failures in a fixed window.
CREATE TABLE staff_login_address (
    address      text        PRIMARY KEY,
    failures     integer     NOT NULL DEFAULT 0,
    window_start timestamptz NOT NULL
);
