-- The vault as read: notes, the task lines parsed from them, and the merged tasks and meetings.

-- One row per Markdown file seen; size/mtime/hash let an ingest skip unchanged files.
CREATE TABLE notes (
    path         TEXT PRIMARY KEY,          -- relative to the vault, '/' separated
    size         INTEGER NOT NULL,
    mtime_ms     INTEGER NOT NULL,
    content_hash TEXT    NOT NULL,
    title        TEXT    NOT NULL,
    date         TEXT,                      -- ISO date or NULL
    type         TEXT,
    is_meeting   INTEGER NOT NULL,
    participants TEXT    NOT NULL,          -- JSON array
    warnings     TEXT    NOT NULL,          -- JSON array of strings
    search_rowid INTEGER                    -- its row in search_index
);
CREATE INDEX notes_date ON notes(date);

-- Each note's task lines, as parsed (owner as written; merging reads these, not the files), and its sections
-- (JSON object: section name -> text); apart from notes so that scans of notes stay small. The task lines
-- are one compact blob per note (store.TaskLines), written and read whole: a row per line made ingest slow.
CREATE TABLE note_content (
    path     TEXT PRIMARY KEY,
    tasks    BLOB NOT NULL,
    sections TEXT NOT NULL
);

-- A meeting is one or more notes of the same date; project pages have no meeting.
CREATE TABLE meetings (
    id           TEXT PRIMARY KEY,
    title        TEXT NOT NULL,
    date         TEXT,
    participants TEXT NOT NULL,             -- JSON array
    sections     TEXT                       -- JSON object; NULL (as ingest writes it): its notes' sections merged, read from note_content
);
CREATE INDEX meetings_date ON meetings(date);

CREATE TABLE meeting_notes (
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    path       TEXT NOT NULL,
    PRIMARY KEY (meeting_id, path)
);
CREATE INDEX meeting_notes_path ON meeting_notes(path);

-- Distinct tasks, merged over their source lines, owner resolved.
CREATE TABLE tasks (
    id            TEXT PRIMARY KEY,
    description   TEXT NOT NULL,
    owner         TEXT,
    owner_raw     TEXT,
    owner_kind    TEXT,                     -- person | team | NULL
    status        TEXT NOT NULL,
    status_symbol TEXT NOT NULL,
    due TEXT, scheduled TEXT, start TEXT, created TEXT, done TEXT, cancelled TEXT,
    priority      TEXT,
    recurrence    TEXT,
    tags          TEXT NOT NULL,            -- JSON array
    block_id      TEXT,
    meeting_id    TEXT,
    writeback_pending INTEGER NOT NULL DEFAULT 0,
    search_rowid  INTEGER                   -- its row in search_index
);
CREATE INDEX tasks_owner ON tasks(owner);
CREATE INDEX tasks_due ON tasks(due);
CREATE INDEX tasks_meeting ON tasks(meeting_id);

-- norm_text + occurrence identify a source line independent of its line number: a re-merge keeps the
-- id of a task whose source (path, norm_text, occurrence) already had one.
CREATE TABLE task_sources (
    task_id    TEXT    NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    path       TEXT    NOT NULL,
    line       INTEGER NOT NULL,
    norm_text  TEXT    NOT NULL DEFAULT '',
    occurrence INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (task_id, path, line)
);
CREATE INDEX task_sources_path ON task_sources(path);

-- Who changed what, when, and from where (chat message, note edit).
CREATE TABLE task_events (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    task_id   TEXT NOT NULL,
    at        TEXT NOT NULL,                -- ISO instant
    actor     TEXT NOT NULL,                -- slack user id, 'vault' or 'cli'
    action    TEXT NOT NULL,                -- complete, reopen, snooze, reassign, accept, decline, note-edit ...
    detail    TEXT,
    origin    TEXT                          -- e.g. channel/ts of the message clicked
);
CREATE INDEX task_events_task ON task_events(task_id);

-- Full-text search over tasks (kind 'task', ref = task id) and notes (kind 'note', ref = path; a meeting is
-- found through its notes). Contentless: the text is indexed, not stored a second time (notes.sections has it);
-- kind and ref are kept. Row ids are handed out in ascending order (search_seq; FTS5 indexes ascending rowids far
-- faster than scattered ones) and remembered by the notes/tasks row, which is how a row is deleted.
CREATE VIRTUAL TABLE search_index USING fts5(kind UNINDEXED, ref UNINDEXED, title, body, content = '',
    contentless_delete = 1, contentless_unindexed = 1, tokenize = 'unicode61 remove_diacritics 2');
CREATE TABLE search_seq (
    id   INTEGER PRIMARY KEY CHECK (id = 0),
    next INTEGER NOT NULL
);
INSERT INTO search_seq(id, next) VALUES (0, 1);
