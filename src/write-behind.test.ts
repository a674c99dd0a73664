import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createWriteBehind } from './write-behind.js'

function recorder() {
  const written: number[][] = []
  const wb = createWriteBehind<number[]>({
    empty: () => [], size: (b) => b.length, delayMs: 60_000, maxSize: 100,
    write: async (batch) => { written.push(batch) },
    onError: (err) => { throw err },
  })
  return { wb, written }
}

test('flush writes what is pending, once', async () => {
  const { wb, written } = recorder()
  wb.update((b) => b.push(1))
  wb.update((b) => b.push(2))
  await wb.flush()
  await wb.flush()
  assert.deepEqual(written, [[1, 2]])
})

test('flush waits for tracked work that adds to the batch when it settles (an audit row after its project lookup)', async () => {
  const { wb, written } = recorder()
  let release!: () => void
  const lookup = new Promise<void>((r) => { release = r })
  wb.track(lookup.then(() => wb.update((b) => b.push(3))))
  const flushed = wb.flush()
  release()
  await flushed
  assert.deepEqual(written, [[3]])
})

test('tracked work that fails does not fail or block the flush', async () => {
  const { wb, written } = recorder()
  wb.track(Promise.reject(new Error('lookup failed')))
  wb.update((b) => b.push(4))
  await wb.flush()
  assert.deepEqual(written, [[4]])
})
