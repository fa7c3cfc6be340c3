-- Tasks get a full-text index of their own. In search_index a task search (MATCH, then kind = 'task') scored every
-- matching row, and for most words nearly all of those are notes (with their transcripts): "review invoice" matched
-- 8,787 rows of a 10,000-note store, 350 of them tasks, and cost ~10 ms a search where the tasks alone cost ~2 ms.
-- Same shape as search_index (contentless, rowids from search_seq, kept in tasks.search_rowid); no kind column.
CREATE VIRTUAL TABLE task_search USING fts5(ref UNINDEXED, title, body, content = '',
    contentless_delete = 1, contentless_unindexed = 1, tokenize = 'unicode61 remove_diacritics 2');

-- The task rows move: indexed again from the tasks table (title = description, body = owner, as the ingest writes
-- them), in rowid order, then deleted from search_index by rowid.
INSERT INTO task_search(rowid, ref, title, body)
    SELECT search_rowid, id, description, COALESCE(owner, '') FROM tasks WHERE search_rowid IS NOT NULL ORDER BY search_rowid;
DELETE FROM search_index WHERE rowid IN (SELECT search_rowid FROM tasks WHERE search_rowid IS NOT NULL);
