// Long output at a terminal goes through a pager (SPEC §16): $PAGER, else
// `less -FRX`. What a command writes is held until it is longer than the
// screen; only then is the pager started, so short output (most commands) and
// output to a pipe cost nothing, and child_process is loaded only then. A
// pager that cannot be started or fails shows nothing: the output is written
// as it would have been without one. Quitting the pager early (q in less) is
// not an error: the rest is not shown.
// The module as a whole, not { spawn }: the bundle stands a lazy stand-in for
// node:child_process (deferred-child-process.cjs) whose members exist only
// when asked for, and a named import copies them at start-up.
import childProcess, { type ChildProcess } from 'node:child_process';
import { displayWidth } from '../output/text.js';

/** The pager when $PAGER is not set: -F quits at once on one screen, -R passes colours, -X leaves the text on the screen. */
export const DEFAULT_PAGER = 'less -FRX';

export interface Screen {
  rows: number;
  columns: number;
}

interface Sink {
  write(s: string): unknown;
}

/**
 * The command that pages, or null for none: `--no-pager`, JSON, stdout not a
 * terminal, or $PAGER set empty or to `cat` (as git reads it).
 */
export function pagerCommand(o: { stdoutIsTTY: boolean; noPager: boolean; json: boolean }, env: NodeJS.ProcessEnv): string | null {
  if (!o.stdoutIsTTY || o.noPager || o.json) return null;
  const given = env.PAGER;
  if (given === undefined) return DEFAULT_PAGER;
  const command = given.trim();
  return command === '' || command === 'cat' ? null : command;
}

export class PagedOutput {
  private held: string[] = [];
  /** Screen rows the held text takes, wrapped lines counted as the terminal wraps them. */
  private rowsUsed = 0;
  private state: 'holding' | 'paging' | 'direct' = 'holding';
  private pager: ChildProcess | null = null;
  /** Everything given to the pager, written out instead should it fail. */
  private sent: string[] = [];
  private ended: Promise<{ failed: boolean }> | null = null;

  constructor(private readonly out: Sink, private readonly screen: Screen, private readonly command: string, private readonly env: NodeJS.ProcessEnv) {}

  write(s: string): boolean {
    if (this.state === 'direct') {
      this.out.write(s);
    } else if (this.state === 'paging') {
      this.toPager(s);
    } else {
      this.held.push(s);
      this.count(s);
      // A screen's last row is the shell's prompt: a screenful and more goes through the pager.
      if (this.rowsUsed >= this.screen.rows) this.start();
    }
    return true;
  }

  /**
   * What follows goes straight to the terminal, and what is held is written
   * now: before a prompt (which draws on the terminal itself), and for data
   * (CSV, Markdown, HTML), which is never paged. Once paging, it stays so.
   */
  direct(): void {
    if (this.state !== 'holding') return;
    this.state = 'direct';
    for (const s of this.held.splice(0)) this.out.write(s);
  }

  /** The end of the output: written when short; else waits for the pager to be quit. */
  async finish(): Promise<void> {
    if (this.state === 'holding') this.direct();
    if (this.state !== 'paging' || !this.pager) return;
    this.pager.stdin?.end();
    const { failed } = await this.ended!;
    if (failed) for (const s of this.sent.splice(0)) this.out.write(s);
  }

  private count(s: string): void {
    const width = Math.max(1, this.screen.columns);
    let from = 0;
    for (let at = s.indexOf('\n'); at >= 0 && this.rowsUsed < this.screen.rows; at = s.indexOf('\n', from)) {
      this.rowsUsed += Math.max(1, Math.ceil(displayWidth(s.slice(from, at)) / width));
      from = at + 1;
    }
  }

  private start(): void {
    this.state = 'paging';
    let pager: ChildProcess;
    try {
      // Through the shell, as $PAGER may carry its own options (`less -S`); LESS as git sets it.
      pager = childProcess.spawn(this.command, { shell: true, stdio: ['pipe', 'inherit', 'inherit'], env: { LESS: 'FRX', LV: '-c', ...this.env } });
    } catch {
      this.state = 'holding';
      this.direct();
      return;
    }
    this.pager = pager;
    // Ctrl-C belongs to the pager while it runs (less stops reading, and stays): this process waits for it.
    const ignore = () => {};
    process.on('SIGINT', ignore);
    this.ended = new Promise((resolve) => {
      const done = (failed: boolean) => {
        process.off('SIGINT', ignore);
        resolve({ failed });
      };
      // Never started (no shell): as if there were no pager.
      pager.on('error', () => done(true));
      // Not found (127) or not runnable (126) by the shell, or any other failure: as if there were none.
      // Quit by a signal (Ctrl-C, a closed terminal) is quitting.
      pager.on('close', (code, signal) => done(signal === null && code !== 0));
    });
    // The pager quit before reading everything: the rest is not shown (EPIPE is expected).
    pager.stdin?.on('error', () => {});
    for (const s of this.held.splice(0)) this.toPager(s);
  }

  private toPager(s: string): void {
    this.sent.push(s);
    if (this.pager?.stdin?.writable) this.pager.stdin.write(s);
  }
}
