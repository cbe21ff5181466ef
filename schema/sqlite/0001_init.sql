-- The complaint desk: departments, complaints, call-backs, the event log,
-- ticket counters, settings and the search index.
-- Instants are INTEGER epoch milliseconds; money is INTEGER fen.

CREATE TABLE departments (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at  INTEGER NOT NULL
);

INSERT INTO departments (name, created_at) VALUES
  ('客服中心', 0), ('工程部', 0), ('秩序部', 0), ('环境部', 0), ('财务部', 0), ('营销部', 0), ('设计研发部', 0);

CREATE TABLE settings (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
);

-- One row per year: the last running count handed out (SPEC §4).
CREATE TABLE ticket_counters (
  year  INTEGER PRIMARY KEY,
  last  INTEGER NOT NULL
);

CREATE TABLE complaints (
  id                   INTEGER PRIMARY KEY,
  ticket               TEXT NOT NULL UNIQUE,
  year                 INTEGER NOT NULL,
  seq                  INTEGER NOT NULL,
  received_at          INTEGER NOT NULL,
  channel              TEXT NOT NULL CHECK (channel IN ('phone','visit','letter','fax','email','online','sms','transfer','other')),
  kind                 TEXT NOT NULL CHECK (kind IN ('complaint','suggestion','inquiry','praise')),
  category             TEXT CHECK (category IN ('planning_design','construction_quality','sales_promise','property_service','other')),
  subcategory          TEXT,
  severity             TEXT NOT NULL CHECK (severity IN ('general','important','major')),
  validity             TEXT NOT NULL CHECK (validity IN ('unverified','valid','invalid','malicious')),
  validity_reason      TEXT,
  status               TEXT NOT NULL CHECK (status IN ('registered','assigned','resolved','closed')),
  name                 TEXT NOT NULL,
  phone                TEXT,
  estate               TEXT,
  unit                 TEXT,
  subject              TEXT NOT NULL,
  description          TEXT NOT NULL,
  demand               TEXT,
  receiver             TEXT NOT NULL,
  department_id        INTEGER REFERENCES departments(id),
  assignee             TEXT,
  households           INTEGER NOT NULL DEFAULT 1 CHECK (households >= 1),
  claim_fen            INTEGER CHECK (claim_fen >= 0),
  safety               INTEGER NOT NULL DEFAULT 0 CHECK (safety IN (0, 1)),
  media                INTEGER NOT NULL DEFAULT 0 CHECK (media IN (0, 1)),
  contact_due          INTEGER NOT NULL,
  resolve_due          INTEGER NOT NULL,
  follow_up_due        INTEGER,
  resolve_from         INTEGER NOT NULL,
  extended_until       INTEGER,
  contacted_at         INTEGER,
  last_contact_at      INTEGER,
  resolved_at          INTEGER,
  resolution           TEXT,
  cost_fen             INTEGER CHECK (cost_fen >= 0),
  responsible_dept_id  INTEGER REFERENCES departments(id),
  responsible_person   TEXT,
  approved_by          TEXT,
  approval_level       TEXT CHECK (approval_level IN ('department_head','general_manager','compensation_committee')),
  follow_up_id         INTEGER REFERENCES follow_ups(id),
  closed_at            INTEGER,
  close_reason         TEXT,
  repeat_of_id         INTEGER REFERENCES complaints(id),
  flagged              INTEGER NOT NULL DEFAULT 0 CHECK (flagged IN (0, 1)),
  UNIQUE (year, seq)
);

-- Lists: newest first, by status and by department (SPEC §8 list).
CREATE INDEX complaints_status_received ON complaints (status, received_at);
CREATE INDEX complaints_dept_status_received ON complaints (department_id, status, received_at);
CREATE INDEX complaints_received ON complaints (received_at);
-- Repeat detection and "earlier complaints of this caller".
CREATE INDEX complaints_phone ON complaints (phone, received_at) WHERE phone IS NOT NULL;
CREATE INDEX complaints_unit ON complaints (estate, unit, received_at) WHERE unit IS NOT NULL;

-- Call-backs (回访) and failed attempts; the complaint points at its latest call-back.
CREATE TABLE follow_ups (
  id            INTEGER PRIMARY KEY,
  complaint_id  INTEGER NOT NULL REFERENCES complaints(id),
  at            INTEGER NOT NULL,
  method        TEXT CHECK (method IN ('phone','visit','sms','other')),
  satisfaction  INTEGER CHECK (satisfaction BETWEEN 1 AND 5),
  outcome       TEXT CHECK (outcome IN ('no_answer','wrong_number','refused','call_later')),
  note          TEXT,
  CHECK ((satisfaction IS NULL) <> (outcome IS NULL))
);
CREATE INDEX follow_ups_complaint ON follow_ups (complaint_id, at);
CREATE INDEX follow_ups_at ON follow_ups (at);

-- The append-only timeline. complaint_id is NULL for office-wide changes
-- (departments, settings).
CREATE TABLE events (
  id            INTEGER PRIMARY KEY,
  complaint_id  INTEGER REFERENCES complaints(id),
  at            INTEGER NOT NULL,
  actor         TEXT NOT NULL,
  action        TEXT NOT NULL,
  before        TEXT,
  after         TEXT,
  note          TEXT
);
CREATE INDEX events_complaint ON events (complaint_id, id);
CREATE INDEX events_action_at ON events (action, at);

CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only: an event cannot be changed'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only: an event cannot be deleted'); END;
CREATE TRIGGER complaints_no_delete BEFORE DELETE ON complaints
BEGIN SELECT RAISE(ABORT, 'a complaint is never deleted: close it with a reason'); END;

-- Full-text search that finds Chinese words of any length: CJK text is
-- indexed as single characters (uni) and overlapping pairs (bi); a longer
-- term is a phrase of its pairs. Other words go to `words`.
CREATE VIRTUAL TABLE complaint_search USING fts5 (
  uni, bi, words,
  content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
);
