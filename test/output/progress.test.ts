// Progress of long work (SPEC §9, §15): a cli-progress bar on stderr when it
// is a terminal, once the work has run long enough; nothing otherwise.
import { describe, expect, it } from 'vitest';
import { progress } from '../../src/cli/progress.js';
import type { IO } from '../../src/cli/context.js';

function io(stderrIsTTY: boolean): { io: IO; err: () => string } {
  let err = '';
  return {
    io: { stdout: { write: () => true }, stderr: { write: (s: string) => { err += s; return true; } }, stdinIsTTY: false, stdoutIsTTY: false, stderrIsTTY },
    err: () => err,
  };
}

describe('progress', () => {
  it('draws a bar with the count on a terminal, and takes it away at the end', () => {
    const t = io(true);
    const bar = progress({ io: t.io }, 'exporting', 200, { after: 0 });
    bar.update(50);
    bar.update(200);
    bar.stop();
    expect(t.err()).toContain('exporting');
    expect(t.err()).toMatch(/\d+\/200/);
    // Cleared on stop: the last thing written erases the line.
    expect(t.err()).toMatch(/\x1b\[0K|\x1b\[2K|\x1b\[K/);
  });

  it('draws nothing while the work is younger than its threshold', () => {
    const t = io(true);
    const bar = progress({ io: t.io }, 'exporting', 10, { after: 60_000 });
    bar.update(5);
    bar.stop();
    expect(t.err()).toBe('');
  });

  it('draws nothing when stderr is not a terminal', () => {
    const t = io(false);
    const bar = progress({ io: t.io }, 'exporting', 10, { after: 0 });
    bar.update(5);
    bar.stop();
    expect(t.err()).toBe('');
  });
});
