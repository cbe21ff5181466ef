// A map from whole numbers to whole numbers (each below 2^53) kept in two
// typed arrays, for what an import remembers of every row of a file of a
// million: a JavaScript Map spends about 60 bytes an entry in objects the
// garbage collector walks, and the heap it lets grow with them was most of
// the import's memory. Open addressing, linear probing, doubled at half full.

const EMPTY = 0;

export class NumberTable {
  /** Each key plus one (0 marks an empty slot). */
  private keys: Float64Array;
  private values: Float64Array;
  private count = 0;

  constructor(capacity = 1024) {
    let cap = 16;
    while (cap < capacity * 2) cap *= 2;
    this.keys = new Float64Array(cap);
    this.values = new Float64Array(cap);
  }

  get size(): number {
    return this.count;
  }

  get(key: number): number | undefined {
    const at = this.slot(key);
    return this.keys[at] === EMPTY ? undefined : this.values[at];
  }

  set(key: number, value: number): void {
    let at = this.slot(key);
    if (this.keys[at] === EMPTY) {
      if ((this.count + 1) * 2 > this.keys.length) {
        this.grow();
        at = this.slot(key);
      }
      this.keys[at] = key + 1;
      this.count++;
    }
    this.values[at] = value;
  }

  /** The slot holding key, or the empty one where it would go. */
  private slot(key: number): number {
    const mask = this.keys.length - 1;
    const lo = key >>> 0;
    const hi = Math.floor(key / 4294967296) >>> 0;
    let at = (Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b) ^ (lo >>> 15)) & mask;
    const stored = key + 1;
    while (this.keys[at] !== EMPTY && this.keys[at] !== stored) at = (at + 1) & mask;
    return at;
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.values = new Float64Array(keys.length * 2);
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === EMPTY) continue;
      const at = this.slot(keys[i] - 1);
      this.keys[at] = keys[i];
      this.values[at] = values[i];
    }
  }
}
