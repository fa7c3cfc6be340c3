-- Changes made in chat that have not reached the note yet (note changed meanwhile, read-only, or
-- FOLLOWUP_WRITEBACK=off). base_* is what the task said when the first unsaved change was made (to tell
-- a later note edit from our own); the other columns are the state the note should be given.
CREATE TABLE pending_writes (
    task_id        TEXT PRIMARY KEY,
    base_status    TEXT NOT NULL,
    base_done      TEXT, base_cancelled TEXT, base_due TEXT, base_scheduled TEXT, base_start TEXT,
    base_owner     TEXT, base_owner_raw TEXT,
    status         TEXT NOT NULL,
    status_symbol  TEXT NOT NULL,
    done TEXT, cancelled TEXT, due TEXT, scheduled TEXT, start TEXT,
    owner          TEXT, owner_raw TEXT, owner_kind TEXT,
    reason         TEXT NOT NULL,
    since          TEXT NOT NULL,           -- ISO instant of the first unsaved change
    attempts       INTEGER NOT NULL DEFAULT 0
);
