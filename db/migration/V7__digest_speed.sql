-- (V7, not V5: main already applies V6, and Flyway refuses a pending version below an applied one.)
-- The digest (and every "open tasks" read) scans only the open tasks: a partial index over them, which the
-- planner uses for "status NOT IN ('done', 'cancelled')" (TaskStore.OPEN, spelled exactly so).
CREATE INDEX tasks_open ON tasks(status) WHERE status NOT IN ('done', 'cancelled');
