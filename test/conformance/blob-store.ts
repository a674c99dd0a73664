// The BlobStore conformance suite: every implementation passes it (as distribution's
// registry/storage/driver/testsuites/testsuites.go). Each test gets a fresh directory; a test that
// cleans up fails if anything is left in the upload area.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { createHash, randomUUID } from 'node:crypto'
import { mkdtemp, rm, writeFile, readFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable, Writable } from 'node:stream'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { NotFound } from '../../src/errors.js'
import type { BlobStore } from '../../src/storage/blob-store.js'

const CHUNK = 256 * 1024

/** The store key of `data`: "sha256/ab/abcd…". */
export function keyOf(data: Buffer, algorithm: 'sha256' | 'sha512' = 'sha256'): string {
  const hex = createHash(algorithm).update(data).digest('hex')
  return `${algorithm}/${hex.slice(0, 2)}/${hex}`
}

/** Deterministic pseudo-random bytes, so a failure reproduces. */
export function patternBytes(size: number, seed = 1): Buffer {
  const buf = Buffer.allocUnsafe(size)
  let x = seed >>> 0 || 1
  for (let i = 0; i < size; i++) {
    x ^= x << 13; x >>>= 0
    x ^= x >>> 17
    x ^= x << 5; x >>>= 0
    buf[i] = x & 0xff
  }
  return buf
}

type SinkOptions = {
  /** Milliseconds the write callback is held back (a slow socket); a function for varying delays. */
  delay?: number | (() => number)
  /** Hash when the callback fires rather than when the chunk arrives: bytes must still be intact then. */
  hashLate?: boolean
  /** Keep a copy of every byte (for small objects). */
  collect?: boolean
}

/** A Writable that hashes what it is handed, holding each write callback back to make the reader wait. */
export function hashingSink(opts: SinkOptions = {}) {
  const hash = createHash('sha256')
  const parts: Buffer[] = []
  let bytes = 0
  let writes = 0
  const delayOf = () => (typeof opts.delay === 'function' ? opts.delay() : opts.delay ?? 0)
  const sink = new Writable({
    highWaterMark: 16 * 1024,
    write(chunk: Buffer, _enc, cb) {
      writes++
      const take = () => {
        hash.update(chunk)
        bytes += chunk.length
        if (opts.collect) parts.push(Buffer.from(chunk))
      }
      if (!opts.hashLate) take()
      const done = () => {
        if (opts.hashLate) take()
        cb()
      }
      const d = delayOf()
      if (d > 0) setTimeout(done, d)
      else setImmediate(done)
    },
  })
  return {
    sink,
    get bytes() { return bytes },
    get writes() { return writes },
    digest: () => hash.digest('hex'),
    data: () => Buffer.concat(parts),
  }
}

const collectGarbage: () => void = (() => {
  setFlagsFromString('--expose-gc')
  return runInNewContext('gc') as () => void
})()

/** The most buffer memory alive above the start while `fn` runs, sampled after a collection. */
async function peakMemoryDuring(fn: () => Promise<void>): Promise<number> {
  collectGarbage()
  const base = process.memoryUsage().arrayBuffers
  let peak = 0
  const timer = setInterval(() => {
    collectGarbage()
    peak = Math.max(peak, process.memoryUsage().arrayBuffers - base)
  }, 25)
  try {
    await fn()
  } finally {
    clearInterval(timer)
  }
  return peak
}

async function readAll(stream: AsyncIterable<unknown>): Promise<Buffer> {
  const parts: Buffer[] = []
  for await (const chunk of stream) parts.push(chunk as Buffer)
  return Buffer.concat(parts)
}

async function uploadIds(store: BlobStore): Promise<string[]> {
  const ids: string[] = []
  for await (const u of store.listUploads()) ids.push(u.id)
  return ids.sort()
}

/** Reads [start, end] of `key` through open + pipeTo. */
async function readRange(store: BlobStore, key: string, range?: { start: number; end: number }): Promise<Buffer> {
  const reader = await store.open(key)
  try {
    const s = hashingSink({ collect: true })
    await reader.pipeTo(s.sink, range)
    return s.data()
  } finally {
    await reader.close()
  }
}

/** Passes when `fn` throws synchronously, rejects, or returns a stream that errors. */
async function refuses(fn: () => unknown, what: string): Promise<void> {
  let result: unknown
  try {
    result = fn()
    if (result instanceof Readable || (result !== null && typeof result === 'object' && Symbol.asyncIterator in result)) {
      await readAll(result as AsyncIterable<unknown>)
    } else {
      await result
    }
  } catch {
    return
  }
  assert.fail(`${what} should have been refused`)
}

/**
 * Runs the suite. `make(dir)` opens a store on the storage named by `dir` (a fresh directory per
 * test); called again with the same `dir` it must open another store object on the same storage,
 * as a second instance of Berth would (no state shared in memory).
 */
export function describeBlobStore(name: string, make: (dir: string) => BlobStore | Promise<BlobStore>, opts: { skip?: string | false } = {}): void {
  /**
   * One test on a fresh store. Unless `leavesUploads`, the upload area must be empty at the end.
   * The store's directory sits inside `base`, next to a sentinel file that no key may reach.
   */
  function it(title: string, body: (store: BlobStore, ctx: { base: string; dir: string; reopen(): Promise<BlobStore> }) => Promise<void>, itOpts: { leavesUploads?: boolean } = {}) {
    test(title, { skip: opts.skip ?? false }, async () => {
      const base = await mkdtemp(join(tmpdir(), 'berth-blobstore-'))
      const opened: BlobStore[] = []
      try {
        const dir = join(base, 'store')
        await mkdir(dir)
        await writeFile(join(base, 'sentinel'), 'keep me')
        const reopen = async () => {
          const s = await make(dir)
          opened.push(s)
          return s
        }
        const store = await reopen()
        await body(store, { base, dir, reopen })
        if (!itOpts.leavesUploads) assert.deepEqual(await uploadIds(store), [], 'the test cleaned up, yet the upload area is not empty')
        assert.equal(await readFile(join(base, 'sentinel'), 'utf8'), 'keep me', 'a file outside the store was touched')
      } finally {
        for (const s of opened) await s.close()
        await rm(base, { recursive: true, force: true })
      }
    })
  }

  describe(`BlobStore conformance: ${name}`, () => {
    describe('objects', () => {
      it('stat of an absent key is null', async (store) => {
        assert.equal(await store.stat(keyOf(Buffer.from('nothing'))), null)
      })

      it('writeSmall then readSmall and stat round trip', async (store) => {
        const data = Buffer.from('{"schemaVersion":2}')
        const key = keyOf(data)
        await store.writeSmall(key, data)
        assert.deepEqual(await store.readSmall(key), data)
        assert.deepEqual(await store.stat(key), { size: data.length })
      })

      it('writeSmall of identical content twice is harmless', async (store) => {
        const data = patternBytes(1000, 7)
        const key = keyOf(data)
        await store.writeSmall(key, data)
        await store.writeSmall(key, data)
        await Promise.all([store.writeSmall(key, data), store.writeSmall(key, data)])
        assert.deepEqual(await store.readSmall(key), data)
      })

      it('keeps sha512 keys apart from sha256 keys', async (store) => {
        const a = Buffer.from('a')
        const b = Buffer.from('b')
        await store.writeSmall(keyOf(a, 'sha512'), a)
        await store.writeSmall(keyOf(b, 'sha256'), b)
        assert.deepEqual(await store.readSmall(keyOf(a, 'sha512')), a)
        assert.equal(await store.stat(keyOf(a, 'sha256')), null)
      })

      it('a zero-length object round trips', async (store) => {
        const empty = Buffer.alloc(0)
        const key = keyOf(empty)
        await store.writeSmall(key, empty)
        assert.deepEqual(await store.stat(key), { size: 0 })
        assert.equal((await store.readSmall(key)).length, 0)
        const reader = await store.open(key)
        try {
          assert.equal(reader.size, 0)
          const s = hashingSink({ collect: true })
          await reader.pipeTo(s.sink)
          assert.equal(s.bytes, 0)
        } finally {
          await reader.close()
        }
      })

      it('open + pipeTo streams the whole object', async (store) => {
        const data = patternBytes(3 * CHUNK + 17, 3)
        const key = keyOf(data)
        await store.writeSmall(key, data)
        const reader = await store.open(key)
        try {
          assert.equal(reader.size, data.length)
        } finally {
          await reader.close()
        }
        assert.deepEqual(await readRange(store, key), data)
      })

      it('pipeTo honours ranges, including across chunk boundaries', async (store) => {
        const data = patternBytes(3 * CHUNK + 17, 4)
        const key = keyOf(data)
        await store.writeSmall(key, data)
        const last = data.length - 1
        const ranges = [
          { start: 0, end: 0 },
          { start: last, end: last },
          { start: 0, end: last },
          { start: 10, end: 99 },
          { start: CHUNK - 1, end: CHUNK },
          { start: CHUNK - 5, end: 2 * CHUNK + 5 },
          { start: 2 * CHUNK, end: last },
        ]
        for (const r of ranges) {
          const got = await readRange(store, key, r)
          assert.equal(got.length, r.end - r.start + 1, `length of ${r.start}-${r.end}`)
          assert.ok(got.equals(data.subarray(r.start, r.end + 1)), `bytes of ${r.start}-${r.end}`)
        }
      })

      it('one reader serves several ranges in turn', async (store) => {
        const data = patternBytes(CHUNK + 100, 5)
        const key = keyOf(data)
        await store.writeSmall(key, data)
        const reader = await store.open(key)
        try {
          for (const r of [{ start: 50, end: CHUNK + 50 }, { start: 0, end: 9 }]) {
            const s = hashingSink({ collect: true })
            await reader.pipeTo(s.sink, r)
            assert.ok(s.data().equals(data.subarray(r.start, r.end + 1)))
          }
        } finally {
          await reader.close()
        }
      })

      it('open and readSmall of an absent key reject with NotFound', async (store) => {
        const key = keyOf(Buffer.from('absent'))
        await assert.rejects(store.open(key), NotFound)
        await assert.rejects(store.readSmall(key), NotFound)
      })

      it('delete removes an object; deleting an absent one is fine', async (store) => {
        const data = Buffer.from('to be deleted')
        const key = keyOf(data)
        await store.delete(key)
        await store.writeSmall(key, data)
        await store.delete(key)
        assert.equal(await store.stat(key), null)
        await assert.rejects(store.open(key), NotFound)
        await assert.rejects(store.readSmall(key), NotFound)
        await store.delete(key)
      })

      it('a reader opened before delete still reads the whole object or fails, never wrong bytes', async (store) => {
        const data = patternBytes(2 * CHUNK, 6)
        const key = keyOf(data)
        await store.writeSmall(key, data)
        const reader = await store.open(key)
        try {
          await store.delete(key)
          const s = hashingSink({ collect: true })
          try {
            await reader.pipeTo(s.sink)
          } catch {
            return // refusing is allowed
          }
          assert.ok(s.data().equals(data))
        } finally {
          await reader.close()
        }
      })
    })

    describe('uploads', () => {
      it('chunks at the acknowledged offsets, from a Readable and from an async iterable; readUpload gives them back', async (store) => {
        const id = randomUUID()
        const a = patternBytes(1000, 8)
        const b = patternBytes(CHUNK + 3, 9)
        assert.deepEqual(await uploadIds(store), [])
        assert.equal(await store.writeUpload(id, 0, Readable.from([a])), a.length)
        async function* gen() {
          yield b.subarray(0, 10)
          yield b.subarray(10)
        }
        assert.equal(await store.writeUpload(id, a.length, gen()), b.length)
        assert.ok((await readAll(store.readUpload(id, a.length + b.length))).equals(Buffer.concat([a, b])))
        assert.ok((await readAll(store.readUpload(id, a.length))).equals(a), 'readUpload stops at the size it is given')
        // an empty chunk changes nothing
        assert.equal(await store.writeUpload(id, a.length + b.length, Readable.from([])), 0)
        assert.ok((await readAll(store.readUpload(id, a.length + b.length))).equals(Buffer.concat([a, b])))
        assert.deepEqual(await uploadIds(store), [id])
        await store.deleteUpload(id)
      })

      it('onChunk sees every byte, in order, before it is stored', async (store) => {
        const id = randomUUID()
        const data = patternBytes(3 * CHUNK + 17, 10)
        const seen: Buffer[] = []
        await store.writeUpload(id, 0, Readable.from([data.subarray(0, CHUNK), data.subarray(CHUNK)]), (c) => seen.push(Buffer.from(c)))
        assert.ok(Buffer.concat(seen).equals(data))
        await store.deleteUpload(id)
      })

      it('the bytes of an upload stay invisible until commitUpload', async (store) => {
        const id = randomUUID()
        const data = patternBytes(5000, 10)
        const key = keyOf(data)
        await store.writeUpload(id, 0, Readable.from([data.subarray(0, 1000)]))
        await store.writeUpload(id, 1000, Readable.from([data.subarray(1000)]))
        assert.equal(await store.stat(key), null)
        await assert.rejects(store.open(key), NotFound)
        await store.commitUpload(id, data.length, key)
        assert.deepEqual(await store.stat(key), { size: data.length })
        assert.ok((await readRange(store, key)).equals(data))
        assert.deepEqual(await uploadIds(store), [], 'a committed upload is gone from the upload area')
      })

      it('a torn chunk (its source failed) is dropped by the next write at the acknowledged offset', async (store) => {
        const id = randomUUID()
        const a = patternBytes(1000, 11)
        const c = patternBytes(300, 12)
        await store.writeUpload(id, 0, Readable.from([a]))
        async function* failing() {
          yield patternBytes(CHUNK, 13)
          yield patternBytes(CHUNK, 14)
          throw new Error('client went away')
        }
        await assert.rejects(store.writeUpload(id, a.length, failing()))
        // a shorter retry: torn bytes left past it would end up in the blob
        await store.writeUpload(id, a.length, Readable.from([c]))
        const whole = Buffer.concat([a, c])
        assert.ok((await readAll(store.readUpload(id, whole.length))).equals(whole))
        await store.commitUpload(id, whole.length, keyOf(whole))
        assert.ok((await store.readSmall(keyOf(whole))).equals(whole))
      })

      it('bytes stored past the size named (never acknowledged) are ignored by readUpload and commitUpload', async (store) => {
        const id = randomUUID()
        const a = patternBytes(700, 15)
        await store.writeUpload(id, 0, Readable.from([a]))
        await store.writeUpload(id, a.length, Readable.from([patternBytes(555, 16)])) // the database never heard of it
        assert.ok((await readAll(store.readUpload(id, a.length))).equals(a))
        await store.commitUpload(id, a.length, keyOf(a))
        assert.ok((await store.readSmall(keyOf(a))).equals(a))
        assert.deepEqual(await uploadIds(store), [])
      })

      it('fewer bytes stored than acknowledged: writeUpload, readUpload and commitUpload reject with NotFound', async (store) => {
        const id = randomUUID()
        await assert.rejects(store.writeUpload(id, 10, Readable.from([Buffer.from('x')])), NotFound)
        await assert.rejects(readAll(store.readUpload(id, 10)), NotFound)
        await assert.rejects(store.commitUpload(id, 10, keyOf(Buffer.from('y'))), NotFound)
        await store.writeUpload(id, 0, Readable.from([Buffer.from('abc')]))
        await assert.rejects(store.writeUpload(id, 4, Readable.from([Buffer.from('x')])), NotFound)
        await assert.rejects(readAll(store.readUpload(id, 5)), NotFound)
        await assert.rejects(store.commitUpload(id, 5, keyOf(Buffer.from('abcxx'))), NotFound)
        assert.equal(await store.stat(keyOf(Buffer.from('abcxx'))), null)
        await store.deleteUpload(id)
      })

      it('an upload started on one store object continues on a second and commits on a third (other instances)', async (store, { reopen }) => {
        const id = randomUUID()
        const a = patternBytes(2 * CHUNK + 1, 17)
        const b = patternBytes(CHUNK - 5, 18)
        const c = patternBytes(999, 19)
        await store.writeUpload(id, 0, Readable.from([a]))
        const second = await reopen()
        await second.writeUpload(id, a.length, Readable.from([b]))
        const third = await reopen()
        const whole = Buffer.concat([a, b, c])
        await third.writeUpload(id, a.length + b.length, Readable.from([c]))
        // the hash a third instance rebuilds comes from the store's bytes
        assert.equal(createHash('sha256').update(await readAll(third.readUpload(id, whole.length))).digest('hex'), createHash('sha256').update(whole).digest('hex'))
        await third.commitUpload(id, whole.length, keyOf(whole))
        assert.ok((await readRange(store, keyOf(whole))).equals(whole))
        assert.deepEqual(await uploadIds(second), [])
      })

      it('a zero-length upload commits to a zero-length object', async (store) => {
        const id = randomUUID()
        const key = keyOf(Buffer.alloc(0))
        await store.commitUpload(id, 0, key)
        assert.deepEqual(await store.stat(key), { size: 0 })
        assert.equal((await store.readSmall(key)).length, 0)
      })

      it('commitUpload is idempotent: two uploads of the same bytes to one key make one right object', async (store) => {
        const data = patternBytes(CHUNK + 1, 13)
        const key = keyOf(data)
        const [id1, id2] = [randomUUID(), randomUUID()]
        for (const id of [id1, id2]) await store.writeUpload(id, 0, Readable.from([data]))
        await store.commitUpload(id1, data.length, key)
        await store.commitUpload(id2, data.length, key)
        assert.deepEqual(await store.stat(key), { size: data.length })
        assert.ok((await readRange(store, key)).equals(data))
        assert.deepEqual(await uploadIds(store), [])
      })

      it('concurrent commits of the same bytes to one key leave one right object', async (store) => {
        const data = patternBytes(2 * CHUNK + 5, 14)
        const key = keyOf(data)
        const ids = [randomUUID(), randomUUID(), randomUUID()]
        for (const id of ids) {
          await store.writeUpload(id, 0, Readable.from([data.subarray(0, CHUNK)]))
          await store.writeUpload(id, CHUNK, Readable.from([data.subarray(CHUNK)]))
        }
        await Promise.all(ids.map((id) => store.commitUpload(id, data.length, key)))
        assert.deepEqual(await store.stat(key), { size: data.length })
        assert.ok((await store.readSmall(key)).equals(data))
      })

      it('a reader open during a second commit of the same key sees the whole object', async (store) => {
        const data = patternBytes(2 * CHUNK, 15)
        const key = keyOf(data)
        await store.writeSmall(key, data)
        const reader = await store.open(key)
        try {
          const id = randomUUID()
          await store.writeUpload(id, 0, Readable.from([data]))
          await store.commitUpload(id, data.length, key)
          const s = hashingSink({ collect: true })
          await reader.pipeTo(s.sink)
          assert.ok(s.data().equals(data))
        } finally {
          await reader.close()
        }
      })

      it('writeVerified makes the object only when verify accepts it, and leaves nothing otherwise', async (store) => {
        const data = patternBytes(3 * CHUNK + 1, 20)
        const key = keyOf(data)
        const refused = randomUUID()
        await assert.rejects(store.writeVerified(refused, key, Readable.from([data]), () => {}, () => { throw new Error('digest mismatch') }), /digest mismatch/)
        assert.equal(await store.stat(key), null)
        assert.deepEqual(await uploadIds(store), [])
        const hash = createHash('sha256')
        let verifiedAt = -1
        const size = await store.writeVerified(randomUUID(), key, Readable.from([data.subarray(0, 100), data.subarray(100)]), (c) => hash.update(c), async (n) => {
          verifiedAt = n
          assert.equal(await store.stat(key), null, 'not visible before verify accepts it')
        })
        assert.equal(size, data.length)
        assert.equal(verifiedAt, data.length)
        assert.equal(`${hash.digest('hex')}`, key.split('/')[2])
        assert.ok((await readRange(store, key)).equals(data))
      })

      it('writeVerified whose source fails leaves nothing', async (store) => {
        async function* failing() {
          yield patternBytes(CHUNK, 21)
          throw new Error('client went away')
        }
        const key = keyOf(Buffer.from('never'))
        await assert.rejects(store.writeVerified(randomUUID(), key, failing(), () => {}, () => {}))
        assert.equal(await store.stat(key), null)
      })

      it('deleteUpload removes the area; deleting an absent one is fine', async (store) => {
        const id = randomUUID()
        await store.deleteUpload(id)
        await store.writeUpload(id, 0, Readable.from([Buffer.from('abc')]))
        await store.writeUpload(id, 3, Readable.from([Buffer.from('def')]))
        await store.deleteUpload(id)
        await assert.rejects(readAll(store.readUpload(id, 3)), NotFound)
        await store.deleteUpload(id)
      })

      it('listUploads names every upload area holding bytes, with the time it was written', async (store) => {
        assert.deepEqual(await uploadIds(store), [])
        const before = Date.now()
        const ids = [randomUUID(), randomUUID(), randomUUID()]
        for (const id of ids) {
          await store.writeUpload(id, 0, Readable.from([Buffer.from('first')]))
          await store.writeUpload(id, 5, Readable.from([Buffer.from('second')]))
        }
        const listed: Array<{ id: string; modified: Date }> = []
        for await (const u of store.listUploads()) listed.push(u)
        assert.deepEqual(listed.map((u) => u.id).sort(), [...ids].sort())
        for (const u of listed) {
          assert.ok(u.modified instanceof Date)
          // timestamps may be coarse (filesystems, S3 to the second); allow a few seconds either way
          assert.ok(Math.abs(u.modified.getTime() - before) < 10_000, `modified ${u.modified.toISOString()}`)
        }
        await store.commitUpload(ids[0]!, 11, keyOf(Buffer.from('firstsecond')))
        await store.deleteUpload(ids[1]!)
        assert.deepEqual(await uploadIds(store), [ids[2]!])
        await store.deleteUpload(ids[2]!)
      })

      it('an upload left open stays listed (the purge relies on it)', async (store) => {
        const id = randomUUID()
        await store.writeUpload(id, 0, Readable.from([Buffer.from('partial')]))
        assert.deepEqual(await uploadIds(store), [id])
      }, { leavesUploads: true })

      it('purgeIncomplete leaves committed objects and open uploads alone', async (store) => {
        const data = patternBytes(CHUNK, 22)
        await store.writeSmall(keyOf(data), data)
        const id = randomUUID()
        await store.writeUpload(id, 0, Readable.from([data]))
        assert.equal(typeof (await store.purgeIncomplete(new Date(Date.now() - 3_600_000))), 'number')
        assert.ok((await store.readSmall(keyOf(data))).equals(data))
        assert.ok((await readAll(store.readUpload(id, data.length))).equals(data))
        await store.deleteUpload(id)
      })

      it('presignedUrl is null, or a URL that serves the object until it expires', async (store) => {
        const data = patternBytes(1234, 23)
        await store.writeSmall(keyOf(data), data)
        const url = await store.presignedUrl(keyOf(data), 60)
        if (url === null) return
        const res = await fetch(url)
        assert.equal(res.status, 200)
        assert.ok(Buffer.from(await res.arrayBuffer()).equals(data))
        const ranged = await fetch(url, { headers: { range: 'bytes=10-19' } })
        assert.equal(ranged.status, 206)
        assert.ok(Buffer.from(await ranged.arrayBuffer()).equals(data.subarray(10, 20)))
      })
    })

    describe('large objects and the read buffer pool', () => {
      const SIZE = 20 * 1024 * 1024 + 12345

      async function putLarge(store: BlobStore, seed: number, size = SIZE): Promise<{ key: string; sha: string; data: Buffer }> {
        const data = patternBytes(size, seed)
        const id = randomUUID()
        // in uneven pieces, as a client would send them
        async function* pieces() {
          for (let at = 0; at < data.length;) {
            const n = Math.min(data.length - at, 100_003)
            yield data.subarray(at, at + n)
            at += n
          }
        }
        assert.equal(await store.writeUpload(id, 0, pieces()), data.length)
        const key = keyOf(data)
        await store.commitUpload(id, data.length, key)
        return { key, sha: createHash('sha256').update(data).digest('hex'), data }
      }

      it('a 20 MiB object streams exactly through a slow sink', async (store) => {
        const { key, sha } = await putLarge(store, 21)
        const reader = await store.open(key)
        try {
          assert.equal(reader.size, SIZE)
          const s = hashingSink({ delay: 1 })
          await reader.pipeTo(s.sink)
          assert.equal(s.bytes, SIZE)
          assert.equal(s.digest(), sha)
        } finally {
          await reader.close()
        }
      })

      it('bytes are still intact when the slow sink reads them at callback time', async (store) => {
        const { key, sha } = await putLarge(store, 22, 6 * 1024 * 1024 + 1)
        const reader = await store.open(key)
        try {
          const s = hashingSink({ delay: 1, hashLate: true })
          await reader.pipeTo(s.sink)
          assert.equal(s.digest(), sha)
        } finally {
          await reader.close()
        }
      })

      it('concurrent readers of different objects with uneven sinks each get their own bytes', async (store) => {
        const objects = [await putLarge(store, 31, 5 * 1024 * 1024 + 7), await putLarge(store, 32, 5 * 1024 * 1024 + 9), await putLarge(store, 33, 3 * 1024 * 1024)]
        let tick = 0
        const results = await Promise.all(objects.map(async (o, i) => {
          const reader = await store.open(o.key)
          try {
            // a fast, a slow and a jittery sink share the pool
            const delay = i === 0 ? 0 : i === 1 ? 2 : () => (tick++ % 3)
            const s = hashingSink({ delay, hashLate: i === 2 })
            const range = i === 2 ? { start: 1000, end: o.data.length - 1001 } : undefined
            await reader.pipeTo(s.sink, range)
            const expected = range ? createHash('sha256').update(o.data.subarray(range.start, range.end + 1)).digest('hex') : o.sha
            return s.digest() === expected
          } finally {
            await reader.close()
          }
        }))
        assert.deepEqual(results, [true, true, true])
      })

      it('a sink that fails makes pipeTo reject, and the next reader is unharmed', async (store) => {
        const { key, sha } = await putLarge(store, 41, 12 * 1024 * 1024)
        const reader = await store.open(key)
        try {
          let n = 0
          const failing = new Writable({
            write(_chunk, _enc, cb) {
              if (++n === 3) cb(new Error('socket closed'))
              else setImmediate(cb)
            },
          })
          failing.on('error', () => {})
          await assert.rejects(reader.pipeTo(failing))
          const s = hashingSink({ delay: 1, hashLate: true })
          await reader.pipeTo(s.sink)
          assert.equal(s.digest(), sha)
        } finally {
          await reader.close()
        }
      })

      it('a 40 MiB upload in two chunks and a 40 MiB monolithic one: memory does not grow with the size', async (store) => {
        const size = 40 * 1024 * 1024
        const chunkOf = (n: number, seed: number) => async function* () {
          // generated as it is sent, 1 MiB at a time: only what the store holds stays alive
          for (let at = 0; at < n; at += 1024 * 1024) yield patternBytes(Math.min(1024 * 1024, n - at), seed + at)
        }
        const peak = await peakMemoryDuring(async () => {
          const id = randomUUID()
          const hash = createHash('sha256')
          await store.writeUpload(id, 0, chunkOf(size / 2, 100)(), (c) => hash.update(c))
          await store.writeUpload(id, size / 2, chunkOf(size / 2, 200)(), (c) => hash.update(c))
          const key = `sha256/${hash.copy().digest('hex').slice(0, 2)}/${hash.digest('hex')}`
          await store.commitUpload(id, size, key)
          assert.deepEqual(await store.stat(key), { size })
          // the key need not match the bytes here: verify is the caller's check
          await store.writeVerified(randomUUID(), `sha256/00/${'0'.repeat(64)}`, chunkOf(size, 300)(), () => {}, () => {})
        })
        assert.ok(peak < 34 * 1024 * 1024, `${Math.round(peak / 1024 / 1024)} MiB of buffers alive at the peak`)
      })
    })

    describe('keys and ids from outside input', () => {
      const badKeys = [
        '../sentinel',
        'sha256/ab/../../../sentinel',
        `sha256/ab/${'a'.repeat(62)}/..`,
        '/etc/passwd',
        '',
        'sha256',
        `sha256/AB/${'AB'.repeat(32)}`,
        `sha256/ab/${'ab'.repeat(32)}/extra`,
        `md5/ab/${'ab'.repeat(16)}`,
        `sha256/ab/${'ab'.repeat(32)}\0`,
      ]
      const badIds = ['..', '../sentinel', '../../sentinel', '', 'not-a-uuid', `${randomUUID()}/..`, `../${randomUUID().slice(3)}`, `${randomUUID().slice(0, 33)}/..`, `${randomUUID()}\n`]

      it('object methods refuse keys outside the grammar', async (store) => {
        for (const key of badKeys) {
          await refuses(() => store.stat(key), `stat(${JSON.stringify(key)})`)
          await refuses(() => store.open(key), `open(${JSON.stringify(key)})`)
          await refuses(() => store.readSmall(key), `readSmall(${JSON.stringify(key)})`)
          await refuses(() => store.writeSmall(key, Buffer.from('x')), `writeSmall(${JSON.stringify(key)})`)
          await refuses(() => store.delete(key), `delete(${JSON.stringify(key)})`)
        }
      })

      it('upload methods refuse ids outside the grammar', async (store) => {
        for (const id of badIds) {
          const q = JSON.stringify(id)
          await refuses(() => store.writeUpload(id, 0, Readable.from([Buffer.from('x')])), `writeUpload(${q})`)
          await refuses(() => store.readUpload(id, 0), `readUpload(${q}, 0)`)
          await refuses(() => store.readUpload(id, 1), `readUpload(${q}, 1)`)
          await refuses(() => store.commitUpload(id, 0, keyOf(Buffer.from(''))), `commitUpload(${q})`)
          await refuses(() => store.writeVerified(id, keyOf(Buffer.from('x')), Readable.from([Buffer.from('x')]), () => {}, () => {}), `writeVerified(${q})`)
          await refuses(() => store.deleteUpload(id), `deleteUpload(${q})`)
        }
      })

      it('commitUpload to a bad key refuses and keeps the upload', async (store) => {
        const id = randomUUID()
        await store.writeUpload(id, 0, Readable.from([Buffer.from('abc')]))
        for (const key of badKeys) {
          await refuses(() => store.commitUpload(id, 3, key), `commitUpload(id, ${JSON.stringify(key)})`)
          await refuses(() => store.writeVerified(randomUUID(), key, Readable.from([Buffer.from('abc')]), () => {}, () => {}), `writeVerified(id, ${JSON.stringify(key)})`)
        }
        assert.ok((await readAll(store.readUpload(id, 3))).equals(Buffer.from('abc')))
        await store.deleteUpload(id)
      })
    })
  })
}
