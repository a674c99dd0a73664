import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { LruCache } from './memory.js'

const weighLength = (s: string) => s.length

describe('LruCache', () => {
  test('keeps at most maxWeight entries of weight 1, dropping the least recently set', () => {
    const c = new LruCache<number>(3)
    c.set('a', 1)
    c.set('b', 2)
    c.set('c', 3)
    assert.equal(c.get('a'), 1)
    c.set('d', 4) // b is now the least recently used
    assert.equal(c.get('b'), undefined)
    assert.equal(c.get('a'), 1)
    assert.equal(c.get('c'), 3)
    assert.equal(c.get('d'), 4)
  })

  test('get refreshes recency', () => {
    const c = new LruCache<string>(2)
    c.set('a', 'A')
    c.set('b', 'B')
    c.get('a')
    c.set('c', 'C')
    assert.equal(c.get('a'), 'A')
    assert.equal(c.get('b'), undefined)
    assert.equal(c.get('c'), 'C')
  })

  test('a get of a missing key changes nothing', () => {
    const c = new LruCache<string>(2)
    c.set('a', 'A')
    c.set('b', 'B')
    assert.equal(c.get('zzz'), undefined)
    c.set('c', 'C')
    assert.equal(c.get('a'), undefined)
    assert.equal(c.get('b'), 'B')
  })

  test('evicts by weight, as many entries as it takes', () => {
    const c = new LruCache<string>(10, weighLength)
    c.set('a', 'xxxx')
    c.set('b', 'xxxx')
    assert.equal(c.get('a'), 'xxxx')
    assert.equal(c.get('b'), 'xxxx')
    c.set('c', 'xxx') // 11 > 10: a goes
    assert.equal(c.get('a'), undefined)
    assert.equal(c.get('b'), 'xxxx')
    c.set('d', 'x'.repeat(10)) // everyone else goes
    assert.equal(c.get('b'), undefined)
    assert.equal(c.get('c'), undefined)
    assert.equal(c.get('d'), 'x'.repeat(10))
  })

  test('an entry of exactly maxWeight fits', () => {
    const c = new LruCache<string>(5, weighLength)
    c.set('a', '12345')
    assert.equal(c.get('a'), '12345')
  })

  test('replacing a value re-weighs it and makes it most recent', () => {
    const c = new LruCache<string>(10, weighLength)
    c.set('a', 'xx')
    c.set('b', 'xx')
    c.set('a', 'xxxxxxxx') // 8 + 2 = 10, still fits
    assert.equal(c.get('a'), 'xxxxxxxx')
    assert.equal(c.get('b'), 'xx')
    c.set('a', 'x') // shrinks: 1 + 2
    c.set('c', 'xxxxxxx') // 1 + 2 + 7 = 10 fits only if the old weight of a was given back
    assert.equal(c.get('a'), 'x')
    assert.equal(c.get('b'), 'xx')
    assert.equal(c.get('c'), 'xxxxxxx')
  })

  test('a value heavier than maxWeight is not cached, and does not leave an older value behind', () => {
    const c = new LruCache<string>(4, weighLength)
    c.set('k', 'old')
    c.set('k', 'far too heavy')
    assert.notEqual(c.get('k'), 'old', 'a stale value survived a set')
    assert.equal(c.get('k'), undefined)
  })

  test('delete frees the weight', () => {
    const c = new LruCache<string>(4, weighLength)
    c.set('a', 'xx')
    c.set('b', 'xx')
    c.delete('a')
    c.delete('nope')
    c.set('c', 'xx')
    assert.equal(c.get('a'), undefined)
    assert.equal(c.get('b'), 'xx')
    assert.equal(c.get('c'), 'xx')
  })

  test('deletePrefix drops exactly the keys with that prefix and frees their weight', () => {
    const c = new LruCache<string>(12, weighLength)
    c.set('r1\0a', 'xx')
    c.set('r1\0b', 'xx')
    c.set('r10\0a', 'xx')
    c.set('r2\0a', 'xx')
    c.deletePrefix('r1\0')
    assert.equal(c.get('r1\0a'), undefined)
    assert.equal(c.get('r1\0b'), undefined)
    assert.equal(c.get('r10\0a'), 'xx')
    assert.equal(c.get('r2\0a'), 'xx')
    c.set('big', 'x'.repeat(8)) // 2 + 2 + 8 = 12 fits only if the 4 were given back
    assert.equal(c.get('r10\0a'), 'xx')
    assert.equal(c.get('r2\0a'), 'xx')
    assert.equal(c.get('big'), 'x'.repeat(8))
  })

  test('deletePrefix of a prefix nothing has is a no-op; of the empty prefix, everything', () => {
    const c = new LruCache<number>(10)
    c.set('a', 1)
    c.deletePrefix('b')
    assert.equal(c.get('a'), 1)
    c.deletePrefix('')
    assert.equal(c.get('a'), undefined)
  })

  test('clear empties it and resets the weight', () => {
    const c = new LruCache<string>(4, weighLength)
    c.set('a', 'xxxx')
    c.clear()
    assert.equal(c.get('a'), undefined)
    c.set('b', 'xx')
    c.set('c', 'xx')
    assert.equal(c.get('b'), 'xx')
    assert.equal(c.get('c'), 'xx')
  })

  test('falsy values are values', () => {
    const c = new LruCache<number | string | boolean>(5)
    c.set('zero', 0)
    c.set('empty', '')
    c.set('no', false)
    assert.equal(c.get('zero'), 0)
    assert.equal(c.get('empty'), '')
    assert.equal(c.get('no'), false)
  })
})

describe('LruCache against a model', () => {
  type Op =
    | { op: 'set'; key: string; value: string }
    | { op: 'get'; key: string }
    | { op: 'delete'; key: string }
    | { op: 'deletePrefix'; prefix: string }

  /** The obvious LRU: an array, oldest first. */
  class Model {
    entries: Array<[string, string]> = []
    constructor(readonly max: number) {}
    weight() { return this.entries.reduce((s, [, v]) => s + v.length, 0) }
    get(key: string) {
      const i = this.entries.findIndex(([k]) => k === key)
      if (i < 0) return undefined
      const [e] = this.entries.splice(i, 1)
      this.entries.push(e!)
      return e![1]
    }
    set(key: string, value: string) {
      this.delete(key)
      this.entries.push([key, value])
      while (this.weight() > this.max) this.entries.shift()
    }
    delete(key: string) { this.entries = this.entries.filter(([k]) => k !== key) }
    deletePrefix(prefix: string) { this.entries = this.entries.filter(([k]) => !k.startsWith(prefix)) }
  }

  const MAX = 12
  const key = fc.constantFrom('a', 'b', 'ab', 'abc', 'b\0x', 'b\0y', 'c')
  const op: fc.Arbitrary<Op> = fc.oneof(
    { weight: 4, arbitrary: fc.record({ op: fc.constant('set' as const), key, value: fc.string({ unit: fc.constant('x'), minLength: 1, maxLength: MAX }) }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('get' as const), key }) },
    fc.record({ op: fc.constant('delete' as const), key }),
    fc.record({ op: fc.constant('deletePrefix' as const), prefix: fc.constantFrom('', 'a', 'ab', 'b\0', 'z') }),
  )

  test('random operation sequences behave like the model', () => {
    fc.assert(fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
      const cache = new LruCache<string>(MAX, weighLength)
      const model = new Model(MAX)
      for (const o of ops) {
        switch (o.op) {
          case 'set': cache.set(o.key, o.value); model.set(o.key, o.value); break
          case 'get': assert.equal(cache.get(o.key), model.get(o.key)); break
          case 'delete': cache.delete(o.key); model.delete(o.key); break
          case 'deletePrefix': cache.deletePrefix(o.prefix); model.deletePrefix(o.prefix); break
        }
      }
      // compare everything, oldest first, so recency changes the same way in both
      for (const [k] of [...model.entries]) assert.equal(cache.get(k), model.get(k), `key ${JSON.stringify(k)}`)
      for (const k of ['a', 'b', 'ab', 'abc', 'b\0x', 'b\0y', 'c']) assert.equal(cache.get(k), model.get(k), `key ${JSON.stringify(k)}`)
    }), { numRuns: 2000 })
  })
})
