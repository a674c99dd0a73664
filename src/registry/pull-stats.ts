// Pull counts and times, as Harbor shows them (repository.pull_count, artifact.pull_time):
// counted in memory on the read path and written in one transaction at most every second, so a
// pull never waits on the database. A crash may lose the last second of counts, never data.
import type { Deps } from '../deps.js'
import { addPullCount, touchPullTime } from '../db/pulls.js'
import { createWriteBehind, type WriteBehind } from '../write-behind.js'

type Pending = Map<string, { count: number; refs: Set<string> }>
export type PullStats = WriteBehind<Pending>

export function createPullStats(deps: Pick<Deps, 'db' | 'log' | 'clock'>): PullStats {
  return createWriteBehind<Pending>({
    empty: () => new Map(),
    size: (batch) => batch.size,
    delayMs: 1000,
    maxSize: 10_000,
    write: (batch) => {
      const now = deps.clock.now().toISOString()
      return deps.db.transaction().execute(async (trx) => {
        for (const [repository, { count, refs }] of batch) {
          await addPullCount(trx, repository, count)
          await touchPullTime(trx, repository, [...refs], now)
        }
      })
    },
    onError: (err) => deps.log.error({ err }, 'pull statistics write failed'),
  })
}

/** Counts one manifest GET of `reference` (tag or digest) in `repository`. */
export function notePull(deps: Deps, repository: string, reference: string): void {
  deps.pullStats.update((batch) => {
    let entry = batch.get(repository)
    if (!entry) batch.set(repository, (entry = { count: 0, refs: new Set() }))
    entry.count++
    if (entry.refs.size < 1000) entry.refs.add(reference)
  })
}

export function flushPulls(deps: Deps): Promise<void> {
  return deps.pullStats.flush()
}
