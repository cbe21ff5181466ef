// What the build (bin/build.mjs) promises of the bundle every run loads.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from '../helpers.js';
import { OFFICIAL_VERSION } from '../../src/domain/official-days.js';

beforeAll(ensureBuilt);

describe('the bundle', () => {
  const text = () => fs.readFileSync(path.join(ROOT, 'dist/complaints.cjs'), 'latin1');

  it('is pure ASCII, so Node reads it without decoding UTF-8 into a two-byte string', () => {
    const at = text().search(/[^\x00-\x7f]/);
    expect(at === -1 ? null : text().slice(Math.max(0, at - 40), at + 10)).toBeNull();
  });

  it('carries the holiday data digest the source computes', () => {
    const digest = OFFICIAL_VERSION.split('#')[1];
    expect(digest).toMatch(/^[0-9a-f]{8}$/);
    expect(text()).toContain(`#${digest}\``);
  });
});
