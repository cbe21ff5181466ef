// Every question the program asks goes through this interface, so tests can
// script the answers. Inquirer loads only when a prompt is really shown, and
// its cancel (Ctrl-C) becomes CancelledError here and nowhere else.
import { CancelledError } from '../domain/errors.js';

export interface Choice<T extends string> {
  value: T;
  name: string;
}

export interface Prompter {
  input(o: { message: string; default?: string; required?: boolean; validate?: (v: string) => true | string }): Promise<string>;
  select<T extends string>(o: { message: string; choices: Choice<T>[]; default?: T }): Promise<T>;
  confirm(o: { message: string; default?: boolean }): Promise<boolean>;
}

function cancelled(err: unknown): never {
  if (err instanceof Error && (err.name === 'ExitPromptError' || err.name === 'AbortPromptError')) throw new CancelledError('cancelled');
  throw err;
}

/** Prompts on the terminal; questions go to stderr so stdout stays data. */
export function inquirerPrompter(): Prompter {
  const context = { output: process.stderr };
  const lib = () => import('@inquirer/prompts');
  return {
    async input(o) {
      const { input } = await lib();
      return input({ message: o.message, default: o.default, required: o.required, validate: o.validate }, context).catch(cancelled);
    },
    async select(o) {
      const { select } = await lib();
      return select({ message: o.message, choices: o.choices, default: o.default, pageSize: 12 }, context).catch(cancelled) as Promise<typeof o.default & string>;
    },
    async confirm(o) {
      const { confirm } = await lib();
      return confirm({ message: o.message, default: o.default }, context).catch(cancelled);
    },
  };
}
