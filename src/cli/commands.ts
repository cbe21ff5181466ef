// Every subcommand, in the order `complaints --help` lists them. Each module
// is imported only when its command runs (or for help over all of them): a
// `list` need not evaluate the CSV, chart and table code of the others.
import type { Command } from 'commander';
import type { Ctx } from './context.js';

type Factory = (ctx: Ctx) => Command;

export interface CommandEntry {
  name: string;
  load(): Promise<Factory>;
}

export const COMMANDS: CommandEntry[] = [
  { name: 'init', load: async () => (await import('../commands/init.js')).initCommand },
  { name: 'register', load: async () => (await import('../commands/register.js')).registerCommand },
  { name: 'classify', load: async () => (await import('../commands/classify.js')).classifyCommand },
  { name: 'assign', load: async () => (await import('../commands/assign.js')).assignCommand },
  { name: 'contact', load: async () => (await import('../commands/contact.js')).contactCommand },
  { name: 'note', load: async () => (await import('../commands/note.js')).noteCommand },
  { name: 'step', load: async () => (await import('../commands/step.js')).stepCommand },
  { name: 'report-up', load: async () => (await import('../commands/report-up.js')).reportUpCommand },
  { name: 'approve', load: async () => (await import('../commands/approve.js')).approveCommand },
  { name: 'resolve', load: async () => (await import('../commands/resolve.js')).resolveCommand },
  { name: 'follow-up', load: async () => (await import('../commands/follow-up.js')).followUpCommand },
  { name: 'audit', load: async () => (await import('../commands/audit.js')).auditCommand },
  { name: 'group', load: async () => (await import('../commands/group.js')).groupCommand },
  { name: 'reopen', load: async () => (await import('../commands/reason-steps.js')).reopenCommand },
  { name: 'close', load: async () => (await import('../commands/reason-steps.js')).closeCommand },
  { name: 'escalate', load: async () => (await import('../commands/reason-steps.js')).escalateCommand },
  { name: 'edit', load: async () => (await import('../commands/edit.js')).editCommand },
  { name: 'undo', load: async () => (await import('../commands/undo.js')).undoCommand },
  { name: 'deadline', load: async () => (await import('../commands/deadline.js')).deadlineCommand },
  { name: 'extend', load: async () => (await import('../commands/extend.js')).extendCommand },
  { name: 'show', load: async () => (await import('../commands/show.js')).showCommand },
  { name: 'list', load: async () => (await import('../commands/list.js')).listCommand },
  { name: 'today', load: async () => (await import('../commands/today.js')).todayCommand },
  { name: 'overdue', load: async () => (await import('../commands/overdue.js')).overdueCommand },
  { name: 'sweep', load: async () => (await import('../commands/sweep.js')).sweepCommand },
  { name: 'calendar', load: async () => (await import('../commands/calendar.js')).calendarCommand },
  { name: 'office', load: async () => (await import('../commands/office.js')).officeCommand },
  { name: 'staff', load: async () => (await import('../commands/staff.js')).staffCommand },
  { name: 'dept', load: async () => (await import('../commands/dept.js')).deptCommand },
  { name: 'estate', load: async () => (await import('../commands/estate.js')).estateCommand },
  { name: 'config', load: async () => (await import('../commands/config.js')).configCommand },
  { name: 'report', load: async () => (await import('../commands/report.js')).reportCommand },
  { name: 'export', load: async () => (await import('../commands/export.js')).exportCommand },
  { name: 'import', load: async () => (await import('../commands/import.js')).importCommand },
  { name: 'attach', load: async () => (await import('../commands/attach.js')).attachCommand },
  { name: 'attachments', load: async () => (await import('../commands/attach.js')).attachmentsCommand },
  { name: 'backup', load: async () => (await import('../commands/backup.js')).backupCommand },
  { name: 'doctor', load: async () => (await import('../commands/doctor.js')).doctorCommand },
  { name: 'completion', load: async () => (await import('../commands/completion.js')).completionCommand },
  { name: 'migrate', load: async () => (await import('../commands/migrate.js')).migrateCommand },
];

/** The commands a run needs: the one it names, or all of them (help, a mistyped name). */
export function commandsFor(name: string | undefined): CommandEntry[] {
  const one = COMMANDS.find((c) => c.name === name);
  return one ? [one] : COMMANDS;
}
