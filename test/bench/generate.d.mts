// Types of the benchmark's generator, for the tests that build a register with it.
export const DATA: string;
export const NOW: string;
export function schemaKey(): string;
export function dbFileFor(count: number, shape?: 'spread' | 'office'): string;
export function ensureDatabase(count: number, opts?: { out?: string | null; force?: boolean; log?: (line: string) => void; shape?: 'spread' | 'office' }): Promise<{ file: string; generated: boolean; seconds: number }>;
