import { test } from 'node:test'
import assert from 'node:assert/strict'
import { describeCounterStore } from '../../test/conformance/counter-store.js'
import { manualClock } from '../../test/helpers/clock.js'
import { createMemoryCounters } from './counters.js'

describeCounterStore('memory', async () => {
  const clock = manualClock()
  return { store: createMemoryCounters({ clock, maxEntries: 1000 }), pass: async (ms) => clock.advance(ms) }
})

test('memory counters keep at most maxEntries, dropping the least recently written', async () => {
  const store = createMemoryCounters({ clock: manualClock(), maxEntries: 3 })
  for (const k of ['a', 'b', 'c']) await store.increment(k, 60_000)
  await store.increment('a', 60_000) // a is now the most recently written
  await store.increment('d', 60_000)
  assert.equal(await store.get('b'), null)
  assert.equal((await store.get('a'))!.value, 2)
  assert.ok(await store.get('c'))
  assert.ok(await store.get('d'))
  // many distinct keys stay within the bound
  for (let i = 0; i < 1_000; i++) await store.increment(`spray${i}`, 60_000)
  assert.equal(await store.get('a'), null)
  assert.ok(await store.get('spray999'))
})
