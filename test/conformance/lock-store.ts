// The LockStore conformance suite (src/cache/locks.ts): every adapter passes the same checks.
// `make` returns a fresh store and a way to let time pass (the in-process store advances its
// clock; a store on a server with its own clock waits).
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { LockStore } from '../../src/cache/locks.js'

export type LockStoreFixture = { store: LockStore; pass(ms: number): Promise<void> }

export function describeLockStore(name: string, make: () => Promise<LockStoreFixture>) {
  describe(`LockStore: ${name}`, () => {
    test('one holder at a time; released, the key is free again', async () => {
      const { store } = await make()
      const a = await store.tryAcquire('k', 10_000)
      assert.ok(a)
      assert.equal(await store.tryAcquire('k', 10_000), null)
      assert.ok(await store.tryAcquire('other', 10_000), 'keys are independent')
      await a.release()
      const b = await store.tryAcquire('k', 10_000)
      assert.ok(b)
      await a.release() // a stale holder's release does not free b's lock
      assert.equal(await store.tryAcquire('k', 10_000), null)
    })

    test('a lease runs out unless extended; a lost lock cannot be extended', async () => {
      const { store, pass } = await make()
      const a = (await store.tryAcquire('k', 200))!
      await pass(120)
      assert.equal(await a.extend(200), true)
      await pass(120)
      assert.equal(await store.tryAcquire('k', 200), null, 'extended: still held')
      await pass(150)
      const b = await store.tryAcquire('k', 10_000)
      assert.ok(b, 'expired: another may take it')
      assert.equal(await a.extend(200), false)
    })

    test('of many concurrent attempts exactly one wins', async () => {
      const { store } = await make()
      const got = await Promise.all(Array.from({ length: 20 }, () => store.tryAcquire('k', 10_000)))
      assert.equal(got.filter(Boolean).length, 1)
    })
  })
}
