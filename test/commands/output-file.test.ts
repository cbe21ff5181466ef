// The one way files are written for the user (src/cli/output-file.ts): a
// failure part-way (a full disk, injected through the writer it is given)
// leaves the former file as it was and no temporary behind; the temporary is
// owner-only, beside the target, and only renamed into place when complete.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OutputFile } from '../../src/cli/output-file.js';
import { AppError, DatabaseError, UsageError } from '../../src/domain/errors.js';
import { removeTempDirs, tempDir } from '../helpers.js';

afterAll(removeTempDirs);

const full = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

function setup() {
  const dir = tempDir();
  const database = path.join(dir, 'complaints.db');
  fs.writeFileSync(database, 'the register');
  const file = path.join(dir, 'report.csv');
  fs.writeFileSync(file, 'the good report');
  return { dir, database, file };
}

async function caught(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected a failure');
}

describe('OutputFile', () => {
  it('a disk that fills part-way leaves the former file whole and no temporary (exit 5, translated key)', async () => {
    const { dir, database, file } = setup();
    const out = OutputFile.check(file, { database, force: true });
    const err = await caught(out.fill(async (tmp) => {
      fs.writeSync(tmp.fd, 'half of the new rep');
      throw full();
    }));
    expect(err).toBeInstanceOf(DatabaseError);
    expect(err).toMatchObject({ key: 'file.diskFull', exitCode: 5, params: { file } });
    expect(fs.readFileSync(file, 'utf8')).toBe('the good report');
    expect(fs.readdirSync(dir).sort()).toEqual(['complaints.db', 'report.csv']);
  });

  it('writes into an owner-only temporary beside the target, and renames it only when complete', async () => {
    const { dir, database, file } = setup();
    fs.chmodSync(file, 0o644);
    const out = OutputFile.check(file, { database, force: true });
    await out.fill(async (tmp) => {
      expect(path.dirname(tmp.path)).toBe(fs.realpathSync(dir));
      expect(path.basename(tmp.path)).toBe(`report.csv.complaints-${process.pid}.tmp`);
      expect(fs.statSync(tmp.path).mode & 0o777).toBe(0o600);
      fs.writeSync(tmp.fd, 'the new report');
      expect(fs.readFileSync(file, 'utf8')).toBe('the good report');
    });
    expect(fs.readFileSync(file, 'utf8')).toBe('the new report');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir).sort()).toEqual(['complaints.db', 'report.csv']);
  });

  it('passes on a failure of its own kind, and still removes the temporary', async () => {
    const { dir, database, file } = setup();
    const mine = new UsageError('attach.outRequired');
    const err = await caught(OutputFile.check(file, { database, force: true }).fill(() => {
      throw mine;
    }));
    expect(err).toBe(mine);
    expect(fs.readdirSync(dir).sort()).toEqual(['complaints.db', 'report.csv']);
  });

  it('writeAll replaces only with force, and refuses a hard link to the database by device and inode', () => {
    const { dir, database, file } = setup();
    expect(() => OutputFile.check(file, { database, force: false })).toThrow(expect.objectContaining({ key: 'file.exists' }));
    OutputFile.check(file, { database, force: true }).writeAll('新的报告');
    expect(fs.readFileSync(file, 'utf8')).toBe('新的报告');
    const hard = path.join(dir, 'innocent.csv');
    fs.linkSync(database, hard);
    expect(() => OutputFile.check(hard, { database, force: true })).toThrow(expect.objectContaining({ key: 'file.isDatabase' }));
    expect(() => OutputFile.check(`${database}-journal`, { database, force: true })).toThrow(expect.objectContaining({ key: 'file.isDatabase' }));
    expect(fs.readFileSync(database, 'utf8')).toBe('the register');
  });

  it('refuses a device: renaming over it would replace it', () => {
    const { database } = setup();
    const err = (() => {
      try {
        OutputFile.check('/dev/null', { database, force: true });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ key: 'file.notPlain', exitCode: 2 });
  });
});
