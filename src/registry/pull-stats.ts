// Pull counts and times, as Harbor shows them (repository.pull_count, artifact.pull_time):
// counted in memory on the read path and written in one transaction at most every second, so a
// pull never waits on the database. A crash may lose the last second of counts, never data.
import type { Deps } from '../deps.js'
import { addPullCount, touchPullTime } from '../db/pulls.js'

export type PullStats = { pending: Map<string, { count: number; refs: Set<string> }>; timer: NodeJS.Timeout | null; flushing: Promise<void> | null }

export function createPullStats(): PullStats {
  return { pending: new Map(), timer: null, flushing: null }
}

/** Counts one manifest GET of `reference` (tag or digest) in `repository`. */
export function notePull(deps: Deps, repository: string, reference: string): void {
  const stats = deps.pullStats
  let entry = stats.pending.get(repository)
  if (!entry) stats.pending.set(repository, (entry = { count: 0, refs: new Set() }))
  entry.count++
  if (entry.refs.size < 1000) entry.refs.add(reference)
  if (!stats.timer) {
    stats.timer = setTimeout(() => void flushPulls(deps), 1000)
    stats.timer.unref()
  }
}

export async function flushPulls(deps: Deps): Promise<void> {
  const stats = deps.pullStats
  if (stats.timer) clearTimeout(stats.timer)
  stats.timer = null
  await stats.flushing
  if (stats.pending.size === 0) return
  const batch = stats.pending
  stats.pending = new Map()
  const now = deps.clock.now().toISOString()
  stats.flushing = (async () => {
    try {
      await deps.db.transaction().execute(async (trx) => {
        for (const [repository, { count, refs }] of batch) {
          await addPullCount(trx, repository, count)
          await touchPullTime(trx, repository, [...refs], now)
        }
      })
    } catch (err) {
      deps.log.error({ err }, 'pull statistics write failed')
    }
  })()
  await stats.flushing
  stats.flushing = null
}

