// Every subcommand, in the order `complaints --help` lists them.
import type { Command } from 'commander';
import type { Ctx } from './context.js';
import { initCommand } from '../commands/init.js';
import { registerCommand } from '../commands/register.js';
import { classifyCommand } from '../commands/classify.js';
import { assignCommand } from '../commands/assign.js';
import { contactCommand } from '../commands/contact.js';
import { noteCommand } from '../commands/note.js';
import { resolveCommand } from '../commands/resolve.js';
import { followUpCommand } from '../commands/follow-up.js';
import { closeCommand, escalateCommand, reopenCommand } from '../commands/reason-steps.js';
import { extendCommand } from '../commands/extend.js';
import { showCommand } from '../commands/show.js';
import { listCommand } from '../commands/list.js';
import { deptCommand } from '../commands/dept.js';
import { configCommand } from '../commands/config.js';
import { exportCommand } from '../commands/export.js';
import { importCommand } from '../commands/import.js';
import { attachCommand, attachmentsCommand } from '../commands/attach.js';
import { backupCommand } from '../commands/backup.js';
import { doctorCommand } from '../commands/doctor.js';
import { calendarCommand } from '../commands/calendar.js';
import { reportCommand } from '../commands/report.js';
import { overdueCommand } from '../commands/overdue.js';
import { sweepCommand } from '../commands/sweep.js';

export const COMMANDS: ((ctx: Ctx) => Command)[] = [
  initCommand, registerCommand, classifyCommand, assignCommand, contactCommand, noteCommand, resolveCommand,
  followUpCommand, reopenCommand, closeCommand, escalateCommand, extendCommand, showCommand, listCommand,
  overdueCommand, sweepCommand, calendarCommand, deptCommand, configCommand, reportCommand,
  exportCommand, importCommand, attachCommand, attachmentsCommand, backupCommand, doctorCommand,
];
