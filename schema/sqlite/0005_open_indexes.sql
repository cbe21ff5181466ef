-- Open complaints are a small share of a large register. Lists of open
-- complaints (the default), overdue and the weekly-contact check read them
-- through these partial indexes instead of sorting every open row; queries
-- must say `status <> 'closed'` for SQLite to use them.
CREATE INDEX complaints_open_received ON complaints (received_at) WHERE status <> 'closed';
CREATE INDEX complaints_open_dept_received ON complaints (department_id, received_at) WHERE status <> 'closed';
