-- Task search gets prefix indexes. A search's words are prefix queries ("review"* also finds "reviewed"), and
-- without a prefix index FTS5 merges the position lists of every term a prefix expands to, for every matching row,
-- before bm25 can rank them: ~5.5 ms a search of the 10,000-note benchmark store (112,097 tasks; the benchmark's
-- word pairs, up to 200 rows), ~3.5 ms with prefixes of 2 to 12 characters indexed (longer words are rare and expand
-- to few terms). The index grows from 5.4 MB to 28 MB there. Same results: same rows, same bm25 order and scores.
-- A contentless index cannot be rebuilt in place, so it is dropped and filled again from the tasks table, as V9 did
-- (title = description, body = owner: TaskSearchRows), keeping each task's rowid (tasks.search_rowid).
DROP TABLE task_search;
-- DROP TABLE leaves the shadow table of a contentless_unindexed index behind (SQLite 3.54.1); CREATE would then fail.
DROP TABLE IF EXISTS task_search_content;
CREATE VIRTUAL TABLE task_search USING fts5(ref UNINDEXED, title, body, content = '',
    contentless_delete = 1, contentless_unindexed = 1, tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4 5 6 7 8 9 10 11 12');

INSERT INTO task_search(rowid, ref, title, body)
    SELECT search_rowid, id, description, COALESCE(owner, '') FROM tasks WHERE search_rowid IS NOT NULL ORDER BY search_rowid;
