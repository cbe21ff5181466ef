// Reasons the desk records on events by itself are stored as fixed keys
// (JSON and scripts see them as written); a person reads them translated.
import type { Translator } from './i18n.js';

/** Each fixed reason: its stored form, and the catalogue message with the number it carries. */
const FIXED_REASONS: [RegExp, string][] = [
  // lifecycle.contact: rounds of talks without agreement (SPEC §11)
  [/^disagreed_talks_(\d+)$/, 'reason.disagreedTalks'],
  // lifecycle.audit: a failed spot check reopens (SPEC §12)
  [/^audit_failed$/, 'reason.auditFailed'],
];

/** An event's note as a person reads it: a fixed reason translated, anything else as written. */
export function reasonText(t: Translator, note: string): string {
  for (const [pattern, key] of FIXED_REASONS) {
    const m = pattern.exec(note);
    if (m) return t.m(key, { n: Number(m[1]) });
  }
  return note;
}
