-- Closing the ways around the append-only rules of 0001 and 0004.
--
-- `INSERT OR REPLACE`, `REPLACE INTO` and `UPDATE OR REPLACE` resolve a
-- conflict on any unique constraint by deleting the row in the way, and that
-- delete fires no DELETE trigger unless recursive_triggers is on (and is not
-- stopped by foreign keys when they are off). So an event, an attachment, a
-- call-back or a whole complaint could be overwritten without any of the
-- no-update / no-delete triggers firing. A BEFORE INSERT trigger fires before
-- any conflict is resolved, whatever the conflict clause (and before an
-- upsert's DO UPDATE): each one below refuses a new row whose id (or, for
-- complaints, ticket or year and count) is already taken.
--
-- In a BEFORE INSERT trigger NEW.id is -1 when SQLite is about to choose the
-- id, so a stored row with id -1 would make every later insert look like a
-- replacement; the AFTER INSERT triggers keep ids positive.
--
-- Triggers hold against every statement, not against a person who drops them
-- or turns them off for a connection (the sqlite3 shell's `.dbconfig
-- enable_trigger off`): `doctor` names any trigger of the schema that is
-- missing or no longer as written here.

CREATE TRIGGER events_no_replace BEFORE INSERT ON events
WHEN EXISTS (SELECT 1 FROM events WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'events are append-only: an event cannot be replaced'); END;
CREATE TRIGGER events_positive_id AFTER INSERT ON events WHEN NEW.id < 1
BEGIN SELECT RAISE(ABORT, 'events are append-only: an event id must be 1 or more'); END;

CREATE TRIGGER attachments_no_replace BEFORE INSERT ON attachments
WHEN EXISTS (SELECT 1 FROM attachments WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'attachments are kept as added: an attachment cannot be replaced'); END;
CREATE TRIGGER attachments_positive_id AFTER INSERT ON attachments WHEN NEW.id < 1
BEGIN SELECT RAISE(ABORT, 'attachments are kept as added: an attachment id must be 1 or more'); END;

-- Call-backs (回访) and failed attempts are records of what the complainant
-- said: kept as written, like events.
CREATE TRIGGER follow_ups_no_update BEFORE UPDATE ON follow_ups
BEGIN SELECT RAISE(ABORT, 'call-backs are kept as recorded: a call-back cannot be changed'); END;
CREATE TRIGGER follow_ups_no_delete BEFORE DELETE ON follow_ups
BEGIN SELECT RAISE(ABORT, 'call-backs are kept as recorded: a call-back cannot be deleted'); END;
CREATE TRIGGER follow_ups_no_replace BEFORE INSERT ON follow_ups
WHEN EXISTS (SELECT 1 FROM follow_ups WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'call-backs are kept as recorded: a call-back cannot be replaced'); END;
CREATE TRIGGER follow_ups_positive_id AFTER INSERT ON follow_ups WHEN NEW.id < 1
BEGIN SELECT RAISE(ABORT, 'call-backs are kept as recorded: a call-back id must be 1 or more'); END;

-- A complaint changes as it is handled, but is never deleted (0001) and its
-- identity never changes: the id its events point at, and the ticket number
-- (year and running count) the complainant was given. Changing them could
-- also, with OR REPLACE, delete the complaint that held them.
CREATE TRIGGER complaints_no_replace BEFORE INSERT ON complaints
WHEN EXISTS (SELECT 1 FROM complaints WHERE id = NEW.id)
  OR EXISTS (SELECT 1 FROM complaints WHERE ticket = NEW.ticket)
  OR EXISTS (SELECT 1 FROM complaints WHERE year = NEW.year AND seq = NEW.seq)
BEGIN SELECT RAISE(ABORT, 'a complaint is never replaced: its id or ticket number is taken'); END;
CREATE TRIGGER complaints_positive_id AFTER INSERT ON complaints WHEN NEW.id < 1
BEGIN SELECT RAISE(ABORT, 'a complaint id must be 1 or more'); END;
CREATE TRIGGER complaints_keep_identity BEFORE UPDATE OF id, ticket, year, seq ON complaints
WHEN NEW.id IS NOT OLD.id OR NEW.ticket IS NOT OLD.ticket OR NEW.year IS NOT OLD.year OR NEW.seq IS NOT OLD.seq
BEGIN SELECT RAISE(ABORT, 'a complaint keeps its id and ticket number'); END;
