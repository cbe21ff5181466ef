-- Attachments (SPEC §3): photos, scans, recordings stored inside the database
-- file, with their name, media type, size and SHA-256 of the bytes.
CREATE TABLE attachments (
  id            INTEGER PRIMARY KEY,
  complaint_id  INTEGER NOT NULL REFERENCES complaints(id),
  name          TEXT NOT NULL,
  type          TEXT NOT NULL,
  size          INTEGER NOT NULL CHECK (size >= 0),
  sha256        TEXT NOT NULL CHECK (length(sha256) = 64),
  data          BLOB NOT NULL,
  added_at      INTEGER NOT NULL,
  added_by      TEXT NOT NULL
);
CREATE INDEX attachments_complaint ON attachments (complaint_id, id);

-- Evidence is kept: an attachment is never changed or removed.
CREATE TRIGGER attachments_no_update BEFORE UPDATE ON attachments
BEGIN SELECT RAISE(ABORT, 'attachments are kept as added: an attachment cannot be changed'); END;
CREATE TRIGGER attachments_no_delete BEFORE DELETE ON attachments
BEGIN SELECT RAISE(ABORT, 'attachments are kept as added: an attachment cannot be deleted'); END;
