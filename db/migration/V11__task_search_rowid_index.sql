-- Tasks found by their row in the task search index. A search reads the matching rows' ids (task_search's ref
-- column) one by one from the contentless index's own table: ~150 rows a search of the benchmark store, and in WAL
-- mode every such page is read again from the file at nearly every request, because a reader's page cache is dropped
-- whenever another connection has committed since (a click commits three times). Reading ids for the shown page
-- alone (10 rows) through this index leaves those reads out (README, Benchmarks, Slack: stop 19).
CREATE INDEX tasks_search_rowid ON tasks(search_rowid);
