// Row types of the tables, for kysely. SQLite returns integers and text;
// nullable columns are `T | null`, never optional.
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface DepartmentsTable {
  id: Generated<number>;
  name: string;
  active: number;
  created_at: number;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface TicketCountersTable {
  year: number;
  last: number;
}

export interface ComplaintsTable {
  id: Generated<number>;
  ticket: string;
  year: number;
  seq: number;
  received_at: number;
  channel: string;
  kind: string;
  category: string | null;
  subcategory: string | null;
  severity: string;
  validity: string;
  validity_reason: string | null;
  status: string;
  name: string;
  phone: string | null;
  estate: string | null;
  unit: string | null;
  subject: string;
  description: string;
  demand: string | null;
  receiver: string;
  department_id: number | null;
  assignee: string | null;
  households: number;
  claim_fen: number | null;
  safety: number;
  media: number;
  contact_due: number;
  resolve_due: number;
  follow_up_due: number | null;
  resolve_from: number;
  extended_until: number | null;
  contacted_at: number | null;
  last_contact_at: number | null;
  resolved_at: number | null;
  resolution: string | null;
  cost_fen: number | null;
  responsible_dept_id: number | null;
  responsible_person: string | null;
  approved_by: string | null;
  approval_level: string | null;
  follow_up_id: number | null;
  closed_at: number | null;
  close_reason: string | null;
  duplicate_of_id: number | null;
  assigned_at: number | null;
  repeat_of_id: number | null;
  flagged: number;
  /** Contacts whose outcome was `disagreed` (0008). */
  disagreed_talks: number;
  // accountability (0010)
  group_id: number | null;
  about: string | null;
  happened_at: number | null;
  place: string | null;
  possibly_invalid: number;
  cause: string | null;
  corrective_action: string | null;
  /** How many rows approvals and audits hold for it: they are read only when there are some. */
  approval_count: number;
  audit_count: number;
}

export interface FollowUpsTable {
  id: Generated<number>;
  complaint_id: number;
  at: number;
  method: string | null;
  satisfaction: number | null;
  outcome: string | null;
  note: string | null;
}

export interface EventsTable {
  id: Generated<number>;
  complaint_id: number | null;
  at: number;
  actor: string;
  action: string;
  before: string | null;
  after: string | null;
  note: string | null;
}

export interface MigrationsTable {
  version: number;
  name: string;
  applied_at: number;
}

export interface ComplaintSearchTable {
  rowid: number;
  uni: string;
  bi: string;
  words: string;
}

// calendar (schema/sqlite/0002_calendar.sql)
export interface CalendarOfficialTable {
  date: string;
  kind: string;
  name: string | null;
  name_en: string | null;
}

export interface CalendarSourceTable {
  id: number;
  version: string;
  first_year: number | null;
  last_year: number | null;
  seeded_at: number;
}

export interface CalendarOverridesTable {
  date: string;
  kind: string;
  name: string | null;
  created_at: number;
  actor: string;
}

export interface AttachmentsTable {
  id: Generated<number>;
  complaint_id: number;
  name: string;
  type: string;
  size: number;
  sha256: string;
  data: Buffer;
  added_at: number;
  added_by: string;
}

// payments (schema/sqlite/0006_payments.sql)
export interface PaymentsTable {
  id: Generated<number>;
  complaint_id: number;
  at: number;
  amount_fen: number;
  responsible_dept_id: number | null;
  responsible_person: string | null;
  approval_level: string | null;
  approved_by: string | null;
  /** The reviewers (审核), a JSON array of names (0010). */
  reviewed_by: string | null;
}

// money and accountability (schema/sqlite/0011_accountability.sql)
export interface StaffTable {
  id: Generated<number>;
  name: string;
  role: string;
  department_id: number | null;
  created_at: number;
}

export interface ApprovalsTable {
  id: Generated<number>;
  complaint_id: number;
  at: number;
  amount_fen: number;
  approval_level: string;
  approved_by: string;
  reviewed_by: string | null;
  note: string | null;
}

export interface AuditsTable {
  id: Generated<number>;
  complaint_id: number;
  at: number;
  auditor: string;
  result: string;
  note: string | null;
}

export interface ComplaintGroupsTable {
  id: Generated<number>;
  at: number;
  reason: string;
  actor: string;
}

// the procedure's steps (schema/sqlite/0009_procedure.sql)
export interface ComplaintStepsTable {
  complaint_id: number;
  step: string;
  due: number | null;
  done_at: number | null;
  note: string | null;
}

export interface ReportUpsTable {
  id: Generated<number>;
  complaint_id: number;
  level: string;
  role: string;
  via: string;
  due: number | null;
  done_at: number | null;
  done_to: string | null;
  note: string | null;
}

export interface EarlierDeadlinesTable {
  complaint_id: number;
  step: string;
  due: number;
  reason: string;
}

// the office's estates and their aliases (schema/sqlite/0014_estates.sql)
export interface EstatesTable {
  id: Generated<number>;
  name: string;
  created_at: number;
}

export interface EstateAliasesTable {
  id: Generated<number>;
  estate_id: number;
  alias: string;
  created_at: number;
}

/** A server's offices (schema/postgres only: a SQLite file is one office). */
export interface OfficesTable {
  id: Generated<number>;
  code: string;
  name: string;
  created_at: number;
}

export interface DB {
  offices: OfficesTable;
  attachments: AttachmentsTable;
  earlier_deadlines: EarlierDeadlinesTable;
  report_ups: ReportUpsTable;
  complaint_steps: ComplaintStepsTable;
  payments: PaymentsTable;
  staff: StaffTable;
  approvals: ApprovalsTable;
  audits: AuditsTable;
  complaint_groups: ComplaintGroupsTable;
  calendar_official: CalendarOfficialTable;
  calendar_source: CalendarSourceTable;
  calendar_overrides: CalendarOverridesTable;
  departments: DepartmentsTable;
  estates: EstatesTable;
  estate_aliases: EstateAliasesTable;
  settings: SettingsTable;
  ticket_counters: TicketCountersTable;
  complaints: ComplaintsTable;
  follow_ups: FollowUpsTable;
  events: EventsTable;
  schema_migrations: MigrationsTable;
  complaint_search: ComplaintSearchTable;
}

export type ComplaintRow = Selectable<ComplaintsTable>;
export type NewComplaintRow = Insertable<ComplaintsTable>;
export type ComplaintUpdate = Updateable<ComplaintsTable>;
export type EventRow = Selectable<EventsTable>;
export type FollowUpRow = Selectable<FollowUpsTable>;
