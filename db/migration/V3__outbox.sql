-- Messages Followup posts on its own (daily digest, owner reminders), sent exactly once per (day, recipient, kind).
-- Instants are epoch milliseconds so that comparisons are numeric.
CREATE TABLE outbox (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    day                TEXT    NOT NULL,            -- ISO date the message belongs to
    recipient          TEXT    NOT NULL,            -- channel id or chat user id ('person:<name>' when none is known)
    kind               TEXT    NOT NULL,            -- digest | reminder
    subject            TEXT,                        -- whose reminder (person or team name), for status output
    payload            TEXT    NOT NULL,            -- the platform-neutral message as JSON
    state              TEXT    NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
    attempts           INTEGER NOT NULL DEFAULT 0,  -- posts tried (rate-limit waits not counted)
    last_error         TEXT,
    due_at_ms          INTEGER NOT NULL,            -- not before this instant (first send, or next retry)
    claim_token        TEXT,                        -- which sender holds the row while 'sending'
    claimed_at_ms      INTEGER,
    uncertain_since_ms INTEGER,                     -- a post may have gone out unheard (timeout, crash): look before re-posting
    parts_sent         INTEGER NOT NULL DEFAULT 0,  -- long messages go out as a first post plus thread replies
    sent_channel       TEXT,                        -- the conversation the first part went to (a DM's channel for users)
    sent_ts            TEXT,                        -- the first part's message ts (the thread parent)
    sent_at_ms         INTEGER,
    created_at_ms      INTEGER NOT NULL,
    UNIQUE (day, recipient, kind)
);
CREATE INDEX outbox_due ON outbox(state, due_at_ms);

-- A chat user's own reminder settings (/tasks reminders off|on|at 08:30); no row means on, at the digest time.
CREATE TABLE reminder_prefs (
    chat_user     TEXT PRIMARY KEY,
    enabled       INTEGER NOT NULL DEFAULT 1,
    remind_at     TEXT,                             -- HH:MM in the user's own time zone, NULL = the digest time
    updated_at_ms INTEGER NOT NULL
);
