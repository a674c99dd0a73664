// Counters that expire: the state of rate limits (login throttling today). In process for one
// instance; several instances will share them in Redis (issue 7: INCRBY + PEXPIRE, GET + PTTL,
// DEL), so the port is the few operations both can do atomically, and async although the
// in-process one never waits.
import type { Clock } from '../deps.js'

/** A counter's value and the instant (ms since the epoch) it disappears. */
export type Counter = { value: number; expiresAt: number }

export interface CounterStore {
  /** The live counter under `key`, or null when there is none or it has expired. */
  get(key: string): Promise<Counter | null>
  /**
   * Adds `by` (default 1, may be negative) to the counter, a missing or expired one counting from
   * 0, and makes it expire `ttlMs` from now; returns the new value. Atomic: concurrent increments
   * of one key each see a different value.
   */
  increment(key: string, ttlMs: number, by?: number): Promise<number>
  /** Forgets the counter; nothing if there is none. */
  delete(key: string): Promise<void>
}

/**
 * In-process counters on `clock`. At most `maxEntries` live at once: when full, the counter written
 * least recently goes first, so memory stays bounded whatever the traffic (expired counters are
 * dropped as they are met, and from the oldest end on every write).
 */
export function createMemoryCounters(opts: { clock: Clock; maxEntries: number }): CounterStore {
  // Map order is write order: increment re-inserts, so the first key is the least recently written
  const map = new Map<string, Counter>()
  const now = () => opts.clock.now().getTime()

  const live = (key: string, at: number): Counter | null => {
    const c = map.get(key)
    if (!c) return null
    if (c.expiresAt > at) return c
    map.delete(key)
    return null
  }

  return {
    async get(key) {
      const c = live(key, now())
      return c ? { ...c } : null
    },
    async increment(key, ttlMs, by = 1) {
      const at = now()
      const value = (live(key, at)?.value ?? 0) + by
      map.delete(key)
      map.set(key, { value, expiresAt: at + ttlMs })
      // a few expired counters at the old end go on every write; past the bound, live ones too
      for (let i = 0; i < 4; i++) {
        const first = map.entries().next()
        if (first.done || first.value[1].expiresAt > at) break
        map.delete(first.value[0])
      }
      while (map.size > opts.maxEntries) map.delete(map.keys().next().value!)
      return value
    },
    async delete(key) {
      map.delete(key)
    },
  }
}
