// A clock tests move by hand, for deps.clock (startBerth({ clock }), openDeps(config, { clock })):
// expiry, lock-outs and schedules are tested by advancing time, never by sleeping.
import type { Clock } from '../../src/deps.js'

export type ManualClock = Clock & {
  /** Moves time forward by `ms`. */
  advance(ms: number): void
  /** Jumps to an instant. */
  set(at: Date | number): void
}

/** A clock standing still at `start` (default: the real time now) until advanced. */
export function manualClock(start: Date | number = Date.now()): ManualClock {
  let t = typeof start === 'number' ? start : start.getTime()
  return {
    now: () => new Date(t),
    advance(ms) { t += ms },
    set(at) { t = typeof at === 'number' ? at : at.getTime() },
  }
}
