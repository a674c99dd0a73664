// Write-behind batching for records the read path produces but need not wait for (audit rows of
// pulls, pull counts): gathered in memory, written in one go after `delayMs` or once `maxSize`
// is reached, one write at a time. `flush()` on shutdown writes what is left.

export type WriteBehind<B> = {
  /** Changes the pending batch (push a row, bump a counter) and schedules a write. */
  update(change: (batch: B) => void): void
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

  const flush = async (): Promise<void> => {
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
    flush,
  }
}
