// The settings file of `config export` / `config import` (SPEC §11): plain
// UTF-8 text, one `key = value` a line, the same keys and values `config set`
// takes; blank lines and lines starting with # are comments. Text rather than
// JSON so that an office can read and edit it by hand (Chinese step names
// included) and a diff shows one changed rule as one changed line.
import { UsageError } from './errors.js';
import { DEFAULT_SETTINGS, settingKeys, settingValue, type Settings } from './settings.js';

export interface SettingLine {
  line: number;
  key: string;
  value: string;
}

/** Reads the file's lines; a line that is not `key = value`, or a key given twice, is refused naming its line. */
export function parseSettingsFile(text: string): SettingLine[] {
  const out: SettingLine[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const t = raw.trim();
    if (t === '' || t.startsWith('#')) return;
    const m = /^([^=\s]+)\s*=\s*(.*)$/.exec(t);
    if (!m || m[2] === '') throw new UsageError('settingsFile.badLine', { line: i + 1, text: t.slice(0, 80) });
    const earlier = out.find((e) => e.key === m[1]);
    if (earlier) throw new UsageError('settingsFile.twice', { line: i + 1, key: m[1], first: earlier.line });
    out.push({ line: i + 1, key: m[1], value: m[2] });
  });
  return out;
}

/** The settings that differ from the defaults, an office's own steps first (the keys of their deadlines name them). */
export function settingsOwnValues(s: Settings): [string, string][] {
  const differing = settingKeys(s)
    .map((key) => [key, String(settingValue(s, key))] as [string, string])
    .filter(([key, value]) => value !== '' && value !== String(settingValue(DEFAULT_SETTINGS, key) ?? ''))
    // An office's own step is on once defined: nothing to say.
    .filter(([key, value]) => !(/^step\.[a-z0-9_]+$/.test(key) && value === 'on'));
  return [...differing.filter(([k]) => k.endsWith('.define')), ...differing.filter(([k]) => !k.endsWith('.define'))];
}

export function formatSettingsFile(entries: [string, string][], header: string): string {
  return `# ${header}\n${entries.map(([k, v]) => `${k} = ${v}\n`).join('')}`;
}
