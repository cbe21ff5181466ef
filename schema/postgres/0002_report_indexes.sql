-- A report counts the deadlines that fell due in its period (SPEC §7, §11),
-- per office: as on SQLite (0010_report_indexes), an index on each due time
-- instead of a read of every office's complaints and steps.
CREATE INDEX complaints_contact_due ON complaints (office_id, contact_due);
CREATE INDEX complaints_resolve_due ON complaints (office_id, resolve_due);
CREATE INDEX complaints_follow_up_due ON complaints (office_id, follow_up_due) WHERE follow_up_due IS NOT NULL;
CREATE INDEX complaint_steps_due ON complaint_steps (office_id, due) WHERE due IS NOT NULL;
CREATE INDEX report_ups_due ON report_ups (office_id, due) WHERE due IS NOT NULL;

-- How many were open and overdue at the period's end: every open complaint's
-- deadlines, read from this index alone (reading each row for its deadlines
-- took 30 ms at a million; the open ones are a small share of the file).
-- Its own index, beside the narrower one the lists of open complaints walk:
-- a wider one there made the planner prefer a scan of every complaint.
CREATE INDEX complaints_open_deadlines ON complaints (office_id, received_at, contact_due, contacted_at, resolve_due, resolved_at, follow_up_due, status) WHERE status <> 'closed';
