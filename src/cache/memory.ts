// A bounded in-process cache (least recently used goes first). The read path keeps tag, link
// and manifest lookups here; writes invalidate the keys they change.

export class LruCache<V> {
  private readonly map = new Map<string, V>()
  private weight = 0

  /** `maxWeight` bounds the sum of `weigh(value)`; by default every entry weighs 1. */
  constructor(private readonly maxWeight: number, private readonly weigh: (v: V) => number = () => 1) {}

  get(key: string): V | undefined {
    const value = this.map.get(key)
    if (value === undefined) return undefined
    // re-insert to mark as most recently used
    this.map.delete(key)
    this.map.set(key, value)
    return value
  }

  set(key: string, value: V): void {
    const w = this.weigh(value)
    if (w > this.maxWeight) return this.delete(key) // too heavy to keep, and an older value must not outlive this set
    this.delete(key)
    this.map.set(key, value)
    this.weight += w
    while (this.weight > this.maxWeight) {
      const oldest = this.map.keys().next()
      if (oldest.done) break
      this.delete(oldest.value)
    }
  }

  delete(key: string): void {
    const old = this.map.get(key)
    if (old === undefined) return
    this.map.delete(key)
    this.weight -= this.weigh(old)
  }

  /** Drops every key starting with `prefix` (a repository's entries when it changes wholesale). */
  deletePrefix(prefix: string): void {
    for (const key of this.map.keys()) if (key.startsWith(prefix)) this.delete(key)
  }

  clear(): void {
    this.map.clear()
    this.weight = 0
  }
}
