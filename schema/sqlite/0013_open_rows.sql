-- The morning chase (`overdue`) reads every open complaint: its ticket,
-- department, assignee, subject and deadlines. Through the narrow index of
-- open complaints each of twenty thousand rows was a seek into a table of a
-- million (pages scattered over gigabytes): most of the query's time. This
-- index holds those columns, so the chase is read from it alone, a few
-- megabytes in received order. The receiver is here for `list --mine`,
-- whose filter is then checked without reading the row.
CREATE INDEX complaints_open_rows ON complaints (
  received_at, id, ticket, department_id, assignee, receiver, severity, status, subject,
  last_contact_at, contact_due, resolve_due, follow_up_due, contacted_at, resolved_at, follow_up_id
) WHERE status <> 'closed';
