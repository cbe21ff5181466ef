-- Money and accountability (SPEC §12).
--
-- * staff: the office's people who approve (核决权限) and check. Once anyone
--   holds an approval role, approvers named on a payment or an approval must
--   be on this list with a role that covers the amount.
-- * approvals: a compensation approved before the work (`approve`), kept as
--   recorded; a later resolve with a cost up to the amount needs no other.
-- * payments learn their reviewers (审核) beside the approver (审批).
-- * incident facts: whom or what the complaint is about, when and where it
--   happened; a complaint about a person raised long after is flagged.
-- * cause and correction (原因, 改善对策) recorded with the resolution.
-- * audits: the director's spot checks (抽查), kept as recorded.
-- * complaint_groups: a group complaint (群诉) confirmed by a person.

CREATE TABLE staff (
  id             INTEGER PRIMARY KEY,
  name           TEXT NOT NULL UNIQUE,
  role           TEXT NOT NULL CHECK (role IN ('director','dept_head','general_manager','committee')),
  department_id  INTEGER REFERENCES departments(id),
  created_at     INTEGER NOT NULL,
  -- A department head heads a department.
  CHECK (role <> 'dept_head' OR department_id IS NOT NULL)
);

CREATE TABLE approvals (
  id              INTEGER PRIMARY KEY,
  complaint_id    INTEGER NOT NULL REFERENCES complaints(id),
  at              INTEGER NOT NULL,
  amount_fen      INTEGER NOT NULL CHECK (amount_fen > 0),
  approval_level  TEXT NOT NULL CHECK (approval_level IN ('department_head','general_manager','compensation_committee')),
  approved_by     TEXT NOT NULL,
  -- The reviewers (审核) as a JSON array of names, or NULL.
  reviewed_by     TEXT,
  note            TEXT
);
CREATE INDEX approvals_complaint ON approvals (complaint_id, id);

CREATE TRIGGER approvals_no_update BEFORE UPDATE ON approvals
BEGIN SELECT RAISE(ABORT, 'approvals are kept as recorded: an approval cannot be changed'); END;
CREATE TRIGGER approvals_no_delete BEFORE DELETE ON approvals
BEGIN SELECT RAISE(ABORT, 'approvals are kept as recorded: an approval cannot be deleted'); END;
CREATE TRIGGER approvals_no_replace BEFORE INSERT ON approvals
WHEN EXISTS (SELECT 1 FROM approvals WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'approvals are kept as recorded: an approval cannot be replaced'); END;
CREATE TRIGGER approvals_positive_id AFTER INSERT ON approvals WHEN NEW.id < 1
BEGIN SELECT RAISE(ABORT, 'approvals are kept as recorded: an approval id must be 1 or more'); END;

ALTER TABLE payments ADD COLUMN reviewed_by TEXT;

CREATE TABLE audits (
  id            INTEGER PRIMARY KEY,
  complaint_id  INTEGER NOT NULL REFERENCES complaints(id),
  at            INTEGER NOT NULL,
  auditor       TEXT NOT NULL,
  result        TEXT NOT NULL CHECK (result IN ('pass','fail')),
  note          TEXT
);
CREATE INDEX audits_complaint ON audits (complaint_id, id);
-- Reports count spot checks by when they were made.
CREATE INDEX audits_at ON audits (at);

CREATE TRIGGER audits_no_update BEFORE UPDATE ON audits
BEGIN SELECT RAISE(ABORT, 'spot checks are kept as recorded: an audit cannot be changed'); END;
CREATE TRIGGER audits_no_delete BEFORE DELETE ON audits
BEGIN SELECT RAISE(ABORT, 'spot checks are kept as recorded: an audit cannot be deleted'); END;
CREATE TRIGGER audits_no_replace BEFORE INSERT ON audits
WHEN EXISTS (SELECT 1 FROM audits WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'spot checks are kept as recorded: an audit cannot be replaced'); END;
CREATE TRIGGER audits_positive_id AFTER INSERT ON audits WHEN NEW.id < 1
BEGIN SELECT RAISE(ABORT, 'spot checks are kept as recorded: an audit id must be 1 or more'); END;

CREATE TABLE complaint_groups (
  id      INTEGER PRIMARY KEY,
  at      INTEGER NOT NULL,
  reason  TEXT NOT NULL,
  actor   TEXT NOT NULL
);

ALTER TABLE complaints ADD COLUMN group_id INTEGER REFERENCES complaint_groups(id);
CREATE INDEX complaints_group ON complaints (group_id) WHERE group_id IS NOT NULL;
ALTER TABLE complaints ADD COLUMN about TEXT;
ALTER TABLE complaints ADD COLUMN happened_at INTEGER;
ALTER TABLE complaints ADD COLUMN place TEXT;
ALTER TABLE complaints ADD COLUMN possibly_invalid INTEGER NOT NULL DEFAULT 0 CHECK (possibly_invalid IN (0, 1));
ALTER TABLE complaints ADD COLUMN cause TEXT;
ALTER TABLE complaints ADD COLUMN corrective_action TEXT;
-- How many approvals and spot checks a complaint has: a list reads their
-- rows only where there are some (measured: reading them for every row made
-- `list --limit 10000 --json` 19% slower).
ALTER TABLE complaints ADD COLUMN approval_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE complaints ADD COLUMN audit_count INTEGER NOT NULL DEFAULT 0;
