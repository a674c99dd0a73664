// Short locks with a lease: one holder at a time per key, for as long as it keeps renewing; a
// holder that dies loses the lock when its lease runs out. In process for one instance; several
// instances share them in Redis (SET NX PX with a token, released and renewed only by the token).
import { randomUUID } from 'node:crypto'
import type { Clock } from '../deps.js'

export interface Lock {
  readonly key: string
  /** Renews the lease to `ttlMs` from now; false if the lock was lost (expired and taken, or released). */
  extend(ttlMs: number): Promise<boolean>
  /** Gives the lock up; nothing if it was already lost. */
  release(): Promise<void>
}

export interface LockStore {
  /** Takes the lock on `key` for `ttlMs`, or null at once when another holder has it. */
  tryAcquire(key: string, ttlMs: number): Promise<Lock | null>
}

/** In-process leases on `clock`. */
export function createMemoryLocks(opts: { clock: Clock }): LockStore {
  const held = new Map<string, { token: string; until: number }>()
  const now = () => opts.clock.now().getTime()
  const mine = (key: string, token: string) => {
    const h = held.get(key)
    return h !== undefined && h.token === token && h.until > now()
  }
  return {
    async tryAcquire(key, ttlMs) {
      const h = held.get(key)
      if (h && h.until > now()) return null
      const token = randomUUID()
      held.set(key, { token, until: now() + ttlMs })
      return {
        key,
        async extend(ms) {
          if (!mine(key, token)) return false
          held.set(key, { token, until: now() + ms })
          return true
        },
        async release() {
          if (held.get(key)?.token === token) held.delete(key)
        },
      }
    },
  }
}
