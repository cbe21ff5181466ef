-- A report counts the deadlines that fell due in its period (SPEC §7, §11),
-- per office: as on SQLite (0010_due_indexes), an index on each due time
-- instead of a read of every office's complaints and steps.
CREATE INDEX complaints_contact_due ON complaints (office_id, contact_due);
CREATE INDEX complaints_resolve_due ON complaints (office_id, resolve_due);
CREATE INDEX complaints_follow_up_due ON complaints (office_id, follow_up_due) WHERE follow_up_due IS NOT NULL;
CREATE INDEX complaint_steps_due ON complaint_steps (office_id, due) WHERE due IS NOT NULL;
CREATE INDEX report_ups_due ON report_ups (office_id, due) WHERE due IS NOT NULL;
