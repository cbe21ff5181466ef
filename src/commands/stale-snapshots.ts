// Monthly snapshots hold the figures sent to management (SPEC §7). A write
// that changes a month already kept (a back-dated import, say) marks that
// snapshot stale in the same transaction (storage/report-queries
// markStaleSnapshots), and the command says which ones and how to refresh.
import type { Ctx } from '../cli/context.js';

/** After the transaction: one line on stderr naming the stale snapshots. */
export function noticeStale(ctx: Ctx, labels: string[]): void {
  if (!labels.length) return;
  ctx.io.stderr.write(ctx.t.m('snapshot.stale', { labels: labels.join(', '), first: labels[0], count: labels.length }) + '\n');
}
