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
import { overdueCommand } from '../commands/overdue.js';
import { sweepCommand } from '../commands/sweep.js';

export const COMMANDS: ((ctx: Ctx) => Command)[] = [
  initCommand, registerCommand, classifyCommand, assignCommand, contactCommand, noteCommand, resolveCommand,
  followUpCommand, reopenCommand, closeCommand, escalateCommand, extendCommand, showCommand, listCommand,
  overdueCommand, sweepCommand, deptCommand, configCommand,
];
