// Write-behind batching for records the read path produces but need not wait for (audit rows of
// pulls, pull counts): gathered in memory, written in one go after `delayMs` or once `maxSize`
// is reached, one write at a time. `flush()` on shutdown (and in tests) writes what is left,
// including what tracked work (a lookup the row waits for) is still about to add.

export type WriteBehind<B> = {
  /** Changes the pending batch (push a row, bump a counter) and schedules a write. */
  update(change: (batch: B) => void): void
  /** Work that will call `update` once it settles (a lookup before the row is known): flush waits for it. */
  track(work: Promise<unknown>): void
  flush(): Promise<void>
}

export function createWriteBehind<B>(opts: {
  empty: () => B
  size: (batch: B) => number
  write: (batch: B) => Promise<void>
  onError: (err: unknown, batch: B) => void
  delayMs: number
  maxSize: number
}): WriteBehind<B> {
  let pending = opts.empty()
  let timer: NodeJS.Timeout | null = null
  let writing: Promise<void> | null = null
  const tracked = new Set<Promise<void>>()

  const flush = async (): Promise<void> => {
    // work tracked before this call; later work belongs to the next flush (a steady stream never starves it)
    await Promise.all([...tracked])
    if (timer) clearTimeout(timer)
    timer = null
    await writing
    if (opts.size(pending) === 0) return
    const batch = pending
    pending = opts.empty()
    writing = opts.write(batch).catch((err: unknown) => opts.onError(err, batch))
    await writing
    writing = null
  }

  return {
    update(change) {
      change(pending)
      if (opts.size(pending) >= opts.maxSize) void flush()
      else if (!timer) {
        timer = setTimeout(() => void flush(), opts.delayMs)
        timer.unref()
      }
    },
    track(work) {
      const settled: Promise<void> = work.then(() => undefined, () => undefined).then(() => { tracked.delete(settled) })
      tracked.add(settled)
    },
    flush,
  }
}
