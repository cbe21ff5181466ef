-- The office's estates (项目, SPEC §16 `estate`): one name each, and the
-- other names staff write for it (阳光海岸小区 for 阳光海岸), so they count
-- as one. A complaint keeps the estate as it was written; a name that is an
-- alias is written as its estate's name at intake, and reports and filters
-- read any name an estate ever had (a renamed estate keeps its old name as an
-- alias) under its current one.

CREATE TABLE estates (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  created_at  INTEGER NOT NULL
);

CREATE TABLE estate_aliases (
  id          INTEGER PRIMARY KEY,
  estate_id   INTEGER NOT NULL REFERENCES estates(id),
  alias       TEXT NOT NULL UNIQUE,
  created_at  INTEGER NOT NULL
);
CREATE INDEX estate_aliases_estate ON estate_aliases (estate_id);
