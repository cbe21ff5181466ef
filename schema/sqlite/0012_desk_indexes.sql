-- A caller found by the last four digits of their phone (`list --phone 8000`,
-- SPEC §16), newest first, from an index at any size: the expression is the
-- one the query writes (src/storage/complaints.ts phoneTail).
CREATE INDEX complaints_phone_tail ON complaints (substr(phone, length(phone) - 3), received_at) WHERE phone IS NOT NULL;

-- The few complaints flagged for the management meeting (`list --flagged`,
-- `today`), newest first, without reading every open one.
CREATE INDEX complaints_flagged ON complaints (received_at) WHERE flagged = 1;

-- The few undo events (SPEC §13): every count of call-backs, payments and
-- raising events asks whether an undo took the row back, by its complaint.
CREATE INDEX events_undo ON events (complaint_id) WHERE action = 'undo';
