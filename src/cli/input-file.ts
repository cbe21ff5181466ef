// A file the user names as input (import, calendar import): read whole, its
// problems told in the chosen language (cli/file-errors.ts), and its text
// decided as UTF-8 or GB18030 on evidence (domain/text-encoding.ts).
import fs from 'node:fs';
import path from 'node:path';
import { textEncodingOf } from '../domain/text-encoding.js';
import { readError } from './file-errors.js';

/** The file's bytes as they are, its read problems told as the user should see them. */
export function readInputBytes(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (err) {
    throw readError(err, file);
  }
}

/** The file's text as UTF-8 bytes: UTF-8 (BOM or not) as it is, GB18030 as Excel saves it on Chinese Windows, decoded. */
export function readInputUtf8(file: string, read: Buffer = readInputBytes(file)): Buffer {
  const bytes = read;
  const decoded = textEncodingOf(bytes, path.basename(file));
  return decoded.encoding === 'utf-8' ? bytes : Buffer.from(decoded.text, 'utf8');
}
