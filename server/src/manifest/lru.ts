/**
 * A least-recently-used cache bounded by the total weight of its values
 * rather than their number: parsed documents differ a thousandfold in size.
 * The entry just stored is never evicted, however heavy, so the caller can
 * always use what it asked for.
 */
export class WeightedLru<K, V> {
  private readonly entries = new Map<K, { value: V; weight: number }>();
  private total = 0;

  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Re-inserting moves the key to the most recent end of the map's order.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: K, value: V, weight: number): void {
    this.delete(key);
    this.entries.set(key, { value, weight });
    this.total += weight;
    if (this.total <= this.capacity) return;
    // Down to three quarters at once: one walk from the oldest per many stores, not one per store.
    for (const [oldest, entry] of this.entries) {
      if (this.total <= this.capacity * 0.75 || oldest === key) break;
      this.entries.delete(oldest);
      this.total -= entry.weight;
    }
  }

  delete(key: K): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.total -= entry.weight;
  }

  get weight(): number {
    return this.total;
  }

  get size(): number {
    return this.entries.size;
  }
}
