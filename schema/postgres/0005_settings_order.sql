-- Settings in the order they were first written, as a SQLite file keeps
-- them (its rowid): an office's own steps come in the order the office
-- defined them (SPEC §11), in `show`, `overdue` and reports alike on both
-- engines. An update keeps a setting's place, as an upsert keeps a rowid.
ALTER TABLE settings ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
