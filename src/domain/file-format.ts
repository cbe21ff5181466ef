// The format a file's name asks for (report --out 月报.html, export --out 台账.xlsx),
// so an office need not say it twice. Pure: the name only, never the file.
import { UsageError } from './errors.js';

const BY_EXTENSION: Record<string, string> = {
  '.html': 'html', '.htm': 'html', '.csv': 'csv', '.md': 'md', '.markdown': 'md', '.json': 'json', '.xlsx': 'xlsx',
};

/** The format of `file`'s extension among `formats`, or null (no extension, or one none of them writes). */
export function formatOfName<F extends string>(file: string, formats: readonly F[]): F | null {
  const m = /(\.[A-Za-z]+)$/.exec(file.trim());
  const f = m ? BY_EXTENSION[m[1].toLowerCase()] : undefined;
  return f !== undefined && (formats as readonly string[]).includes(f) ? (f as F) : null;
}

/**
 * The format to write: the one asked for (--format, or --json for json) wins
 * over the default; else the file's extension; else the default. Asking for
 * one format and naming a file of another is a slip, refused.
 */
export function chooseFormat<F extends string>(asked: F | undefined, file: string | undefined, formats: readonly F[], fallback: F): F {
  const named = file === undefined ? null : formatOfName(file, formats);
  if (asked !== undefined && named !== null && named !== asked) throw new UsageError('format.conflict', { asked, named, file: file! });
  return asked ?? named ?? fallback;
}
