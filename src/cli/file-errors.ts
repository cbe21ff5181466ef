// A file the user named could not be read or written: Node's errno codes
// turned into the typed errors of SPEC §9, with a message in the chosen
// language (Node's own English text never reaches the user). The user's
// mistakes (no such folder, a folder, no permission) exit 2; a full or
// failing disk exits 5; anything else stays unexpected.
import { AppError, DatabaseError, UsageError } from '../domain/errors.js';

const codeOf = (err: unknown): string => String((err as { code?: unknown } | null)?.code ?? '');

const DISK_FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG', 'SQLITE_FULL']);
const DENIED = new Set(['EACCES', 'EPERM', 'EROFS']);

/** An error met while writing `file` (or its temporary), as the user should see it. */
export function writeError(err: unknown, file: string): unknown {
  if (err instanceof AppError) return err;
  const code = codeOf(err);
  if (code === 'ENOENT' || code === 'ENOTDIR') return new UsageError('file.noFolder', { file });
  if (code === 'EISDIR') return new UsageError('file.isFolder', { file });
  if (DENIED.has(code)) return new UsageError('file.denied', { file });
  if (DISK_FULL.has(code)) return new DatabaseError('file.diskFull', { file });
  if (code === 'EIO') return new DatabaseError('file.ioError', { file });
  return err;
}

/** An error met while reading `file`, a file the user gave as input. */
export function readError(err: unknown, file: string): unknown {
  if (err instanceof AppError) return err;
  const code = codeOf(err);
  if (code === 'ENOENT' || code === 'ENOTDIR') return new UsageError('file.missing', { file });
  if (code === 'EISDIR') return new UsageError('file.notAFile', { file });
  if (DENIED.has(code)) return new UsageError('file.noRead', { file });
  if (code === 'EIO') return new DatabaseError('file.ioError', { file });
  return err;
}
