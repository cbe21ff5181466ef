// The shipped profiles (SPEC §11 "Profiles"), by name.
import type { Profile } from './profile.js';
import { SUNSHINE_COAST } from './sunshine-coast.js';
import { LONGHU } from './longhu.js';
import { XX_PROPERTY } from './xx-property.js';

export type { Profile } from './profile.js';

export const PROFILES: readonly Profile[] = [SUNSHINE_COAST, LONGHU, XX_PROPERTY];

export function findProfile(name: string): Profile | undefined {
  return PROFILES.find((p) => p.name === name);
}
