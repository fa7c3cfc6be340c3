-- Chat: who is who (chat user <-> person), a cache of the workspace directory, and processed request keys.

-- A chat user linked to a person (owner name as tasks use it). source: people-file | email | directory | admin.
CREATE TABLE chat_links (
    user_id   TEXT PRIMARY KEY,
    person    TEXT NOT NULL,
    source    TEXT NOT NULL,
    linked_by TEXT,                          -- admin user id for source = admin
    linked_at TEXT NOT NULL                  -- ISO instant
);
CREATE INDEX chat_links_person ON chat_links(person COLLATE NOCASE);

-- The workspace directory as last read (users.list / users.info), so requests never list users.
CREATE TABLE chat_users (
    user_id      TEXT PRIMARY KEY,
    real_name    TEXT,
    display_name TEXT,
    email        TEXT,
    is_bot       INTEGER NOT NULL DEFAULT 0,
    deleted      INTEGER NOT NULL DEFAULT 0,
    refreshed_at TEXT NOT NULL
);
CREATE INDEX chat_users_email ON chat_users(email COLLATE NOCASE);

-- Keys of requests already handled (retries, double deliveries): a key is applied once.
CREATE TABLE processed_requests (
    key TEXT PRIMARY KEY,
    at  TEXT NOT NULL
);
CREATE INDEX processed_requests_at ON processed_requests(at);
