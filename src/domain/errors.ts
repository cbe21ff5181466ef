// Typed failures. Each carries a message key (translated by output/i18n.ts)
// and its parameters; src/cli/main.ts maps the class to the exit code of SPEC §9.

export type Params = Record<string, string | number>;

export abstract class AppError extends Error {
  abstract readonly exitCode: number;
  constructor(
    public readonly key: string,
    public readonly params: Params = {},
  ) {
    super(key);
  }
}

/** Invalid input or usage; nothing was written. Exit 2. */
export class UsageError extends AppError {
  readonly exitCode = 2;
}

/** No such ticket (or department). Exit 3. */
export class NotFoundError extends AppError {
  readonly exitCode = 3;
}

/** Not allowed in the current state. Exit 4. */
export class StateError extends AppError {
  readonly exitCode = 4;
}

/** The database is busy, newer than this program, or unreadable. Exit 5. */
export class DatabaseError extends AppError {
  readonly exitCode = 5;
}

/** Cancelled at a prompt. Exit 130. */
export class CancelledError extends AppError {
  readonly exitCode = 130;
}
