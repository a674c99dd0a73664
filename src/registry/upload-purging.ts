// Reclaims abandoned uploads on a timer (distribution's uploadpurging), once at start-up too.
// Every instance runs the timer; a short lock (deps.locks) lets one of them purge at a time.
import type { Deps } from '../deps.js'
import { purgeUploads } from './uploads.js'

export const PURGE_LOCK = 'upload-purging'
/** The lease of the purge lock, renewed while a purge runs: a purger that dies frees it this soon. */
const LEASE_MS = 60_000

export function startUploadPurging(deps: Deps): () => void {
  const cfg = deps.config.registry.upload_purging
  if (!cfg.enabled) return () => {}
  const run = async () => {
    try {
      const removed = await purgeOnce(deps, new Date(deps.clock.now().getTime() - cfg.age_seconds * 1000))
      if (removed) deps.log.info({ removed }, 'purged abandoned uploads')
    } catch (err) {
      deps.log.error({ err }, 'upload purging failed')
    }
  }
  void run()
  const timer = setInterval(run, cfg.interval_seconds * 1000)
  timer.unref()
  return () => clearInterval(timer)
}

/** Purges uploads untouched since `before` unless another instance is purging; returns how many went (null: skipped). */
export async function purgeOnce(deps: Deps, before: Date): Promise<number | null> {
  const lock = await deps.locks.tryAcquire(PURGE_LOCK, LEASE_MS)
  if (!lock) return null
  const renew = setInterval(() => void lock.extend(LEASE_MS).catch(() => {}), LEASE_MS / 3)
  renew.unref()
  try {
    return await purgeUploads(deps, before)
  } finally {
    clearInterval(renew)
    await lock.release()
  }
}
