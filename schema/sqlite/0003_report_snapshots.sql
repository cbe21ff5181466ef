-- Reports (SPEC §7): monthly snapshots of closed months, so the figures sent
-- to management do not drift when a complaint is reopened later; and indexes
-- for counting by when complaints were resolved and closed.

CREATE TABLE report_snapshots (
  label        TEXT PRIMARY KEY,      -- the period, e.g. 2026-10
  computed_at  INTEGER NOT NULL,      -- epoch milliseconds
  json         TEXT NOT NULL          -- the report document (SPEC §10)
);

CREATE INDEX complaints_resolved ON complaints (resolved_at) WHERE resolved_at IS NOT NULL;
CREATE INDEX complaints_closed ON complaints (closed_at) WHERE closed_at IS NOT NULL;
