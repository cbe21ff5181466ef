// `completion bash|zsh|fish`: prints the shell's completion script (SPEC §16).
// The README gives each shell's install line.
import { Command } from 'commander';
import type { Ctx } from '../cli/context.js';
import { completionScript, type Shell } from '../cli/completion.js';
import { listedArgument } from '../cli/listed-values.js';

export function completionCommand(ctx: Ctx): Command {
  const { t } = ctx;
  return new Command('completion')
    .description(t.m('help.completion'))
    .addArgument(listedArgument('<shell>', t.m('help.completionShell'), 'shell', t))
    .addHelpText('after', `
${t.l('help.examples')}
  complaints completion bash >> ~/.bashrc
  complaints completion zsh >> ~/.zshrc
  complaints completion fish > ~/.config/fish/completions/complaints.fish`)
    .action((shell: Shell) => {
      ctx.io.stdout.write(completionScript(shell));
    });
}
