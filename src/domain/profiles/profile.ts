// A profile (SPEC §11): an office's procedure as one of the seeds states it,
// written as the settings `config set` takes. Where a seed is silent the
// defaults stand, so a profile names only what its seed says.
export interface Profile {
  name: string;
  title: { zh: string; en: string };
  /** The seed document it comes from (000, 002, 001#12). */
  seed: string;
  /** Settings key → value, exactly as `config set` takes them. */
  settings: Record<string, string>;
}

/** The same rule at every severity. */
export function everySeverity(step: string, rule: string): Record<string, string> {
  return { [`deadline.general.${step}`]: rule, [`deadline.important.${step}`]: rule, [`deadline.major.${step}`]: rule };
}
