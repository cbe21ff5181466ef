// Progress of long work (import, export) on a terminal, drawn by cli-progress
// on stderr (SPEC §9, §15): only when stderr is a terminal, and only once the
// work has run for a second — a short run shows nothing, and a pipe, a file
// or a cron job never gets a bar's control characters.
import cliProgress from 'cli-progress';
import type { Ctx } from './context.js';

export interface Progress {
  /** How much is done (of the total given, or of the total set later). */
  update(done: number, total?: number): void;
  /** Takes the bar off the screen; safe to call more than once. */
  stop(): void;
}

const NONE: Progress = { update: () => undefined, stop: () => undefined };

export interface ProgressOptions {
  /** Milliseconds of work before a bar appears (a second). */
  after?: number;
}

/** A progress bar for work of `total` steps, named by `label`; nothing unless stderr is a terminal. */
export function progress(ctx: Pick<Ctx, 'io'>, label: string, total: number, o: ProgressOptions = {}): Progress {
  if (!ctx.io.stderrIsTTY) return NONE;
  const started = Date.now();
  const after = o.after ?? 1000;
  const err = ctx.io.stderr;
  // The bar writes through the context's stderr; cli-progress asks the stream whether it is a terminal.
  const stream = { isTTY: true, columns: (err as { columns?: number }).columns ?? 80, write: (s: string) => err.write(s) };
  let bar: cliProgress.SingleBar | null = null;
  let stopped = false;
  let all = total;
  return {
    update(done, newTotal) {
      if (stopped) return;
      if (newTotal !== undefined) all = newTotal;
      if (bar === null) {
        if (Date.now() - started < after) return;
        bar = new cliProgress.SingleBar({
          stream: stream as unknown as NodeJS.WritableStream,
          format: `${label} {bar} {percentage}% {value}/{total}`,
          hideCursor: true, clearOnComplete: true, gracefulExit: true, fps: 5,
        }, cliProgress.Presets.shades_classic);
        bar.start(all, done);
        return;
      }
      if (newTotal !== undefined) bar.setTotal(all);
      bar.update(done);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      bar?.stop();
    },
  };
}
