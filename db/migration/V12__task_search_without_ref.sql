-- The task search index loses its ref column (each row's task id). Since V11 a search maps the rows it shows to their
-- tasks through tasks.search_rowid, so nothing reads ref any more, and every ingest wrote it again for each task it
-- indexed. A contentless index cannot drop a column in place: it is dropped and filled again from the tasks table, as
-- V10 did (title = description, body = owner: TaskSearchRows), keeping each task's rowid (tasks.search_rowid).
DROP TABLE task_search;
-- DROP TABLE leaves the shadow table of a contentless_unindexed index behind (SQLite 3.54.1); CREATE would then fail.
DROP TABLE IF EXISTS task_search_content;
CREATE VIRTUAL TABLE task_search USING fts5(title, body, content = '',
    contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4 5 6 7 8 9 10 11 12');

INSERT INTO task_search(rowid, title, body)
    SELECT search_rowid, description, COALESCE(owner, '') FROM tasks WHERE search_rowid IS NOT NULL ORDER BY search_rowid;
