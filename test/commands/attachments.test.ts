// attach / attachments: stored inside the database with name, type, size and
// SHA-256; the size limit refuses with a clear message and changes nothing;
// extraction gives back the same bytes.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { cli, cliJson, dbBytes, registerArgs, removeTempDirs, tempDb, tempDir, testEnv, type Env, onServer } from '../helpers.js';

afterAll(removeTempDirs);

let env: Env;
let dir: string;
let photo: string;
let bytes: Buffer;

beforeAll(async () => {
  env = testEnv(tempDb());
  dir = tempDir();
  await cliJson(registerArgs(), { env });
  bytes = crypto.randomBytes(200_000);
  photo = path.join(dir, '现场照片.jpg');
  fs.writeFileSync(photo, bytes);
});

describe('attachments', () => {
  it('stores a file with name, type, size and SHA-256, and lists it', async () => {
    const a = await cliJson(['attach', '260912-1', photo], { env });
    const sha = crypto.createHash('sha256').update(bytes).digest('hex');
    expect(a).toMatchObject({ ticket: '260912001', id: 1, name: '现场照片.jpg', type: 'image/jpeg', size: 200_000, sha256: sha, addedBy: 'li' });
    const list = await cliJson(['attachments', '260912-1'], { env });
    expect(list).toEqual([expect.objectContaining({ id: 1, name: '现场照片.jpg', size: 200_000, sha256: sha })]);
    const text = await cli(['attachments', '260912-1'], { env });
    expect(text.stdout).toContain('现场照片.jpg');
    const show = await cliJson(['show', '260912-1'], { env });
    expect(show.events.map((e: { action: string }) => e.action)).toContain('attach');
  });

  it('extracts the same bytes', async () => {
    const out = path.join(dir, 'out.jpg');
    const r = await cli(['attachments', '260912-1', '--extract', '1', '--out', out], { env });
    expect(r.code).toBe(0);
    expect(fs.readFileSync(out).equals(bytes)).toBe(true);
  });

  it('refuses a file over attachment.max_bytes, saying how to raise it, and changes nothing', async () => {
    await cliJson(['config', 'set', 'attachment.max_bytes', '100000'], { env });
    const before = dbBytes(env.COMPLAINTS_DB!);
    const r = await cli(['attach', '260912-1', photo], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('200000 bytes; attachments may be at most 100000 bytes');
    expect(r.stderr).toContain('config set attachment.max_bytes');
    expect(dbBytes(env.COMPLAINTS_DB!).equals(before)).toBe(true);
    const small = path.join(dir, 'note.txt');
    fs.writeFileSync(small, '业主签字确认');
    expect(await cliJson(['attach', '260912-1', small, '--name', '确认单.txt'], { env })).toMatchObject({ id: 2, name: '确认单.txt', type: 'text/plain', size: 18 });
  });

  it('refuses unknown tickets, missing files and unknown attachment ids', async () => {
    expect((await cli(['attach', '260101-9', photo], { env })).code).toBe(3);
    expect((await cli(['attach', '260912-1', path.join(dir, 'nope.jpg')], { env })).code).toBe(2);
    expect((await cli(['attachments', '260912-1', '--extract', '9', '--out', path.join(dir, 'x')], { env })).code).toBe(3);
    expect((await cli(['attachments', '260912-1', '--extract', '1'], { env })).code).toBe(2);
  });

  it.skipIf(onServer)(`detects damaged bytes on extraction and in doctor (exit 5) (SQLite file only: reads or changes its tables with better-sqlite3)`, async () => {
    const copy = path.join(tempDir(), 'damaged.db');
    fs.copyFileSync(env.COMPLAINTS_DB!, copy);
    const db = new Database(copy);
    db.exec('DROP TRIGGER attachments_no_update');
    db.prepare('UPDATE attachments SET data = ? WHERE id = 1').run(Buffer.from('not the photo'));
    db.close();
    const denv = { ...env, COMPLAINTS_DB: copy };
    const r = await cli(['attachments', '260912-1', '--extract', '1', '--out', path.join(dir, 'bad.jpg')], { env: denv });
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('does not match its SHA-256');
    const d = await cli(['doctor'], { env: denv });
    expect(d.code).toBe(5);
    expect(d.stdout).toContain('attachment #1 does not match its SHA-256');
  });

  it.skipIf(onServer)(`the database refuses to change or delete an attachment (SQLite file only: reads or changes its tables with better-sqlite3)`, () => {
    const db = new Database(env.COMPLAINTS_DB!);
    try {
      expect(() => db.prepare('DELETE FROM attachments WHERE id = 1').run()).toThrow(/cannot be deleted/);
      expect(() => db.prepare("UPDATE attachments SET name = 'x' WHERE id = 1").run()).toThrow(/cannot be changed/);
    } finally {
      db.close();
    }
  });
});
