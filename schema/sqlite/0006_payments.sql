-- Money and closing (SPEC §12, §13):
-- * every cost recorded is a payment entry of its own, kept forever; the
--   complaint's cost_fen stays as their sum, so lists and exports read it
--   without a join;
-- * a complaint closed as a duplicate points at the one it duplicates;
-- * a monthly snapshot learns when the data of its month changed after it
--   was computed;
-- * the weekly progress contact counts contact with the complainant only.

CREATE TABLE payments (
  id                   INTEGER PRIMARY KEY,
  complaint_id         INTEGER NOT NULL REFERENCES complaints(id),
  at                   INTEGER NOT NULL,
  amount_fen           INTEGER NOT NULL CHECK (amount_fen > 0),
  responsible_dept_id  INTEGER REFERENCES departments(id),
  responsible_person   TEXT,
  approval_level       TEXT CHECK (approval_level IN ('department_head','general_manager','compensation_committee')),
  approved_by          TEXT
);
CREATE INDEX payments_complaint ON payments (complaint_id, id);
-- Reports count payments by the date they were recorded.
CREATE INDEX payments_at ON payments (at);

CREATE TRIGGER payments_no_update BEFORE UPDATE ON payments
BEGIN SELECT RAISE(ABORT, 'payments are kept as recorded: a payment cannot be changed'); END;
CREATE TRIGGER payments_no_delete BEFORE DELETE ON payments
BEGIN SELECT RAISE(ABORT, 'payments are kept as recorded: a payment cannot be deleted'); END;
CREATE TRIGGER payments_no_replace BEFORE INSERT ON payments
WHEN EXISTS (SELECT 1 FROM payments WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'payments are kept as recorded: a payment cannot be replaced'); END;

-- Costs recorded before payments existed. Each resolve that set a cost is
-- one entry, at the time of that resolve, as its event recorded it: a second
-- resolve used to wipe the first one's cost from the complaint, but never
-- from the timeline.
INSERT INTO payments (complaint_id, at, amount_fen, responsible_dept_id, responsible_person, approval_level, approved_by)
SELECT e.complaint_id, e.at, json_extract(e.after, '$.costFen'),
       coalesce((SELECT d.id FROM departments d WHERE d.name = json_extract(e.after, '$.responsible')), c.responsible_dept_id),
       coalesce(json_extract(e.after, '$.responsiblePerson'), c.responsible_person),
       coalesce(json_extract(e.after, '$.approvalLevel'), c.approval_level),
       coalesce(json_extract(e.after, '$.approvedBy'), c.approved_by)
FROM events e JOIN complaints c ON c.id = e.complaint_id
WHERE e.action = 'resolve' AND json_extract(e.after, '$.costFen') > 0
ORDER BY e.id;

-- Costs with no resolve event that set them (imported rows): one entry at
-- the time of resolving, else of closing, else of receipt.
INSERT INTO payments (complaint_id, at, amount_fen, responsible_dept_id, responsible_person, approval_level, approved_by)
SELECT c.id, coalesce(c.resolved_at, c.closed_at, c.received_at), c.cost_fen,
       c.responsible_dept_id, c.responsible_person, c.approval_level, c.approved_by
FROM complaints c
WHERE c.cost_fen > 0 AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.complaint_id = c.id)
ORDER BY c.id;

UPDATE complaints SET cost_fen = (SELECT sum(amount_fen) FROM payments p WHERE p.complaint_id = complaints.id)
WHERE id IN (SELECT complaint_id FROM payments);

ALTER TABLE complaints ADD COLUMN duplicate_of_id INTEGER REFERENCES complaints(id);

ALTER TABLE report_snapshots ADD COLUMN stale_since INTEGER;

-- Notes no longer count as contact with the complainant (SPEC §11): the last
-- contact of each open complaint is its last contact or call-back.
UPDATE complaints SET last_contact_at = (
  SELECT max(e.at) FROM events e WHERE e.complaint_id = complaints.id AND e.action IN ('contact', 'follow-up')
) WHERE status <> 'closed';

-- Snapshots computed before this migration counted costs by the complaint's
-- latest resolve, and missed the ones a second resolve wiped: they no
-- longer match the payments, and say so until refreshed.
UPDATE report_snapshots SET stale_since = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
WHERE EXISTS (SELECT 1 FROM payments);
