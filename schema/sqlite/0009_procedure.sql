-- The office's procedure (SPEC §11): deadline settings take the grammar
-- 30m / 2h / 3wd / 5d / eod / none and are named by step. The older names
-- are renamed with their unit, so every office keeps its own time limits.
UPDATE settings SET key = substr(key, 1, length(key) - length('_hours')), value = value || 'h'
WHERE key GLOB 'deadline.*.contact_hours' AND value GLOB '[0-9]*' AND NOT value GLOB '*[^0-9]*';
UPDATE settings SET key = substr(key, 1, length(key) - length('_workdays')), value = value || 'wd'
WHERE key GLOB 'deadline.*.resolve_workdays' AND value GLOB '[0-9]*' AND NOT value GLOB '*[^0-9]*';
UPDATE settings SET key = substr(key, 1, length(key) - length('followup_workdays')) || 'follow_up', value = value || 'wd'
WHERE key GLOB 'deadline.*.followup_workdays' AND value GLOB '[0-9]*' AND NOT value GLOB '*[^0-9]*';

-- When a complaint was first assigned: the dispatch step (派单), and the
-- start of the steps an office counts from the assignment.
ALTER TABLE complaints ADD COLUMN assigned_at INTEGER;
UPDATE complaints SET assigned_at = (
  SELECT min(e.at) FROM events e WHERE e.complaint_id = complaints.id AND e.action = 'assign'
) WHERE department_id IS NOT NULL;

-- The procedure's steps besides contact, resolve and call-back (which the
-- complaint row holds): when each is due, and when it was done. Its history
-- is the timeline's; the row is the step's state now.
CREATE TABLE complaint_steps (
  complaint_id  INTEGER NOT NULL REFERENCES complaints(id),
  step          TEXT NOT NULL,
  due           INTEGER,
  done_at       INTEGER,
  note          TEXT,
  PRIMARY KEY (complaint_id, step)
) WITHOUT ROWID;
-- The chase: steps not done, by when they are due.
CREATE INDEX complaint_steps_owed ON complaint_steps (due) WHERE done_at IS NULL AND due IS NOT NULL;

-- Reports up (上报/通报): owed when a complaint reaches a severity whose rules
-- name them (due within the rule), and made with `complaints report-up`.
CREATE TABLE report_ups (
  id            INTEGER PRIMARY KEY,
  complaint_id  INTEGER NOT NULL REFERENCES complaints(id),
  level         TEXT NOT NULL CHECK (level IN ('general','important','major','critical')),
  role          TEXT NOT NULL CHECK (role IN ('director','dept_head','general_manager','group')),
  via           TEXT NOT NULL CHECK (via IN ('phone','written','meeting')),
  due           INTEGER,
  done_at       INTEGER,
  done_to       TEXT,
  note          TEXT
);
CREATE INDEX report_ups_complaint ON report_ups (complaint_id, id);
CREATE INDEX report_ups_owed ON report_ups (due) WHERE done_at IS NULL AND due IS NOT NULL;
-- A report made stays made: only an owed one may be marked done.
CREATE TRIGGER report_ups_no_delete BEFORE DELETE ON report_ups
BEGIN SELECT RAISE(ABORT, 'reports up are kept: a report up cannot be deleted'); END;
CREATE TRIGGER report_ups_done_kept BEFORE UPDATE ON report_ups
WHEN OLD.done_at IS NOT NULL OR NEW.complaint_id <> OLD.complaint_id OR NEW.id <> OLD.id
BEGIN SELECT RAISE(ABORT, 'reports up are kept: a report made cannot be changed'); END;
CREATE TRIGGER report_ups_no_replace BEFORE INSERT ON report_ups
WHEN EXISTS (SELECT 1 FROM report_ups WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'reports up are kept: a report up cannot be replaced'); END;

-- A case-specific earlier deadline for one step (001#13 限期解决), with its reason.
CREATE TABLE earlier_deadlines (
  complaint_id  INTEGER NOT NULL REFERENCES complaints(id),
  step          TEXT NOT NULL,
  due           INTEGER NOT NULL,
  reason        TEXT NOT NULL,
  PRIMARY KEY (complaint_id, step)
) WITHOUT ROWID;
