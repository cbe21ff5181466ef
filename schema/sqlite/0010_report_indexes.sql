-- A report counts the deadlines that fell due in its period (SPEC §7, §11):
-- contact, resolution, call-back, the procedure's other steps and the
-- reports up. Without an index on each due time that was a read of every
-- complaint (and every step) in the file: 0.9 s for a month at a million.
-- Partial where the time may be absent, so rows without one cost nothing.
CREATE INDEX complaints_contact_due ON complaints (contact_due);
CREATE INDEX complaints_resolve_due ON complaints (resolve_due);
CREATE INDEX complaints_follow_up_due ON complaints (follow_up_due) WHERE follow_up_due IS NOT NULL;
CREATE INDEX complaint_steps_due ON complaint_steps (due) WHERE due IS NOT NULL;
CREATE INDEX report_ups_due ON report_ups (due) WHERE due IS NOT NULL;

-- How many were open and overdue at the period's end: every open complaint's
-- deadlines, read from this index alone (reading each row for its deadlines
-- took 30 ms at a million; the open ones are a small share of the file).
-- Its own index, beside the narrower one the lists of open complaints walk:
-- a wider one there made the planner prefer a scan of every complaint.
CREATE INDEX complaints_open_deadlines ON complaints (received_at, contact_due, contacted_at, resolve_due, resolved_at, follow_up_due, status) WHERE status <> 'closed';
