// The CounterStore conformance suite (src/cache/counters.ts): the in-process store passes it
// today, Redis will (issue 7). `make` returns a fresh store and a way to let time pass: the
// in-process store advances its clock, a store on a server with its own clock would wait.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { CounterStore } from '../../src/cache/counters.js'

export type CounterStoreFixture = { store: CounterStore; pass(ms: number): Promise<void> }

export function describeCounterStore(name: string, make: () => Promise<CounterStoreFixture>) {
  describe(`CounterStore: ${name}`, () => {
    test('a missing counter is null; increment counts from 0 and returns the new value', async () => {
      const { store } = await make()
      assert.equal(await store.get('k'), null)
      assert.equal(await store.increment('k', 1000), 1)
      assert.equal(await store.increment('k', 1000), 2)
      assert.equal(await store.increment('k', 1000, 5), 7)
      assert.equal(await store.increment('k', 1000, -3), 4)
      assert.equal((await store.get('k'))!.value, 4)
      assert.equal(await store.get('other'), null)
    })

    test('a counter expires ttl after its last increment; an expired one counts from 0 again', async () => {
      const { store, pass } = await make()
      await store.increment('k', 200)
      const c = (await store.get('k'))!
      assert.ok(c.expiresAt > Date.now() - 60_000, 'expiresAt is an instant in ms')
      await pass(120)
      await store.increment('k', 200) // renews: now 200 ms from here
      await pass(120)
      assert.equal((await store.get('k'))!.value, 2)
      await pass(120)
      assert.equal(await store.get('k'), null)
      assert.equal(await store.increment('k', 200), 1)
    })

    test('concurrent increments each see a different value', async () => {
      const { store } = await make()
      const seen = await Promise.all(Array.from({ length: 50 }, () => store.increment('k', 10_000)))
      assert.deepEqual([...seen].sort((a, b) => a - b), Array.from({ length: 50 }, (_, i) => i + 1))
    })

    test('delete forgets a counter, and deleting a missing one is fine', async () => {
      const { store } = await make()
      await store.increment('k', 10_000)
      await store.delete('k')
      assert.equal(await store.get('k'), null)
      await store.delete('never')
      assert.equal(await store.increment('k', 10_000), 1)
    })
  })
}
