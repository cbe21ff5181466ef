// The office's estates (项目, SPEC §16 `estate`): each has one name and the
// other names staff write for it (阳光海岸小区, 阳光海岸一期, an old name
// after a rename). Pure: which estate a written name means, and which listed
// estates a name nobody listed is closest to.

export interface Estate {
  name: string;
  /** Other names, in the order they were added (a renamed estate's old name among them). */
  aliases: string[];
}

/** A name as the desk compares it: trimmed, inner runs of white space as one space, full-width letters and digits as ASCII. */
export function estateKey(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/g, ' ');
}

/** Every name and alias of the listed estates → the estate's current name. */
export function estateNames(estates: readonly Estate[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of estates) {
    out.set(estateKey(e.name), e.name);
    for (const a of e.aliases) out.set(estateKey(a), e.name);
  }
  return out;
}

/** The estate a written name means, when it is a name or alias of a listed one. */
export function resolveEstate(names: ReadonlyMap<string, string>, text: string): string | null {
  return names.get(estateKey(text)) ?? null;
}

/** A stored estate text under the name it counts under: its estate's current name, else as written. */
export function countedEstate(names: ReadonlyMap<string, string>, text: string | null): string | null {
  if (text === null || names.size === 0) return text;
  return names.get(estateKey(text)) ?? text;
}

/** Levenshtein distance over code points (Chinese characters count one each). */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[y.length];
}

/**
 * The listed estates closest to a name that is none of them, best first: an
 * estate is close when one of its names is within a third of its length in
 * edits (阳光海按 for 阳光海岸), or shares at least half its characters
 * (海岸阳光, 阳光 for 阳光海岸). At most `max`.
 */
export function closeEstates(estates: readonly Estate[], text: string, max = 5): string[] {
  const typed = estateKey(text);
  const typedChars = new Set(typed);
  const scored: { name: string; distance: number; shared: number }[] = [];
  for (const e of estates) {
    let best: { distance: number; shared: number } | null = null;
    for (const n of [e.name, ...e.aliases]) {
      const key = estateKey(n);
      const distance = editDistance(typed, key);
      const chars = new Set(key);
      const shared = [...typedChars].filter((c) => chars.has(c) && c !== ' ').length;
      const near = distance <= Math.max(1, Math.floor(Math.max([...key].length, [...typed].length) / 3));
      const overlapping = shared * 2 >= Math.min(chars.size, typedChars.size) && shared > 0;
      if (!near && !overlapping) continue;
      if (!best || distance < best.distance || (distance === best.distance && shared > best.shared)) best = { distance, shared };
    }
    if (best) scored.push({ name: e.name, ...best });
  }
  scored.sort((a, b) => a.distance - b.distance || b.shared - a.shared || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return scored.slice(0, max).map((s) => s.name);
}
