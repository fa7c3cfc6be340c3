-- Chat pages one owner's open tasks in SQL (/tasks, App Home, the redraw after a button): each group of
-- /tasks (overdue, due today, upcoming, proposed, no due date) is a range of one of these partial indexes,
-- read in due order, so a page costs a few index steps and a count a covering range scan, however many
-- tasks the owner has. Owner names are compared without case, as TaskStore.openByOwner does.
CREATE INDEX tasks_open_owner_due ON tasks(owner COLLATE NOCASE, due) WHERE status NOT IN ('done', 'cancelled', 'proposed');
CREATE INDEX tasks_proposed_owner_due ON tasks(owner COLLATE NOCASE, due) WHERE status = 'proposed';
