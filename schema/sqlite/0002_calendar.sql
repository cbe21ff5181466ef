-- The working-day calendar (SPEC §5) in two layers: the official days the
-- program ships (re-seeded when its data is newer) and the office's own
-- overrides (never touched by seeding). Dates are 'YYYY-MM-DD' text.

CREATE TABLE calendar_official (
  date     TEXT PRIMARY KEY CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  kind     TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
  name     TEXT,
  name_en  TEXT
) WITHOUT ROWID;

-- One row: which data the official days were seeded from, and the years it covers.
CREATE TABLE calendar_source (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  version     TEXT NOT NULL,
  first_year  INTEGER,
  last_year   INTEGER,
  seeded_at   INTEGER NOT NULL
);

CREATE TABLE calendar_overrides (
  date        TEXT PRIMARY KEY CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  kind        TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
  name        TEXT,
  created_at  INTEGER NOT NULL,
  actor       TEXT NOT NULL
) WITHOUT ROWID;
