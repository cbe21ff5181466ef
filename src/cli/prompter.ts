// Every question the program asks goes through this interface, so tests can
// script the answers. Inquirer loads only when a prompt is really shown, and
// its cancel (Ctrl-C) becomes CancelledError here and nowhere else.
import { createRequire } from 'node:module';
import { CancelledError } from '../domain/errors.js';
import { translator, type Translator } from '../output/i18n.js';

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

type Inquirer = Pick<typeof import('@inquirer/prompts'), 'input' | 'select' | 'confirm'>;

/**
 * Loaded on the first question only. require, not import(): the launcher
 * compiles the bundle with vm.Script (for its code cache), where import()
 * would need an experimental flag.
 */
const loadInquirer = async (): Promise<Inquirer> => createRequire(import.meta.url)('@inquirer/prompts');

/**
 * Prompts on the terminal; questions go to stderr so stdout stays data.
 * Inquirer's own words (the keys' hint under a choice, Yes/No after a
 * confirmation) come from the catalogue in the chosen language.
 */
export function inquirerPrompter(lib: () => Promise<Inquirer> = loadInquirer, t: Translator = translator('en')): Prompter {
  const context = { output: process.stderr };
  const keysHelpTip = (keys: [string, string][]) => keys.map(([key, action]) => `${key} ${t.l(`promptKey.${action}`)}`).join(' • ');
  return {
    async input(o) {
      const { input } = await lib();
      return input({ message: o.message, default: o.default, required: o.required, validate: o.validate }, context).catch(cancelled);
    },
    async select(o) {
      const { select } = await lib();
      return select({ message: o.message, choices: o.choices, default: o.default, pageSize: 12, theme: { style: { keysHelpTip } } }, context).catch(cancelled) as Promise<typeof o.default & string>;
    },
    async confirm(o) {
      const { confirm } = await lib();
      return confirm({ message: o.message, default: o.default, transformer: (yes: boolean) => t.l(yes ? 'word.yes' : 'word.no') }, context).catch(cancelled);
    },
  };
}
