-- A caller found by the last four digits of their phone (`list --phone 8000`,
-- SPEC §16), per office, newest first: as on SQLite (0012_phone_tail), the
-- expression the query writes (src/storage/complaints.ts phoneTail).
CREATE INDEX complaints_phone_tail ON complaints (office_id, substr(phone, length(phone) - 3), received_at) WHERE phone IS NOT NULL;

-- The few complaints flagged for the management meeting (`list --flagged`,
-- `today`), newest first, per office: as on SQLite (0012).
CREATE INDEX complaints_flagged ON complaints (office_id, received_at) WHERE flagged = 1;

-- The few undo events, per office: as on SQLite (0012).
CREATE INDEX events_undo ON events (office_id, complaint_id) WHERE action = 'undo';
