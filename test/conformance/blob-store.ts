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
    if (result instanceof Readable) {
      await readAll(result)
    } else {
      await result
    }
  } catch {
    return
  }
  assert.fail(`${what} should have been refused`)
}

export function describeBlobStore(name: string, make: (dir: string) => BlobStore): void {
  /**
   * One test on a fresh store. Unless `leavesUploads`, the upload area must be empty at the end.
   * The store's directory sits inside `base`, next to a sentinel file that no key may reach.
   */
  function it(title: string, body: (store: BlobStore, ctx: { base: string; dir: string }) => Promise<void>, opts: { leavesUploads?: boolean } = {}) {
    test(title, async () => {
      const base = await mkdtemp(join(tmpdir(), 'berth-blobstore-'))
      try {
        const dir = join(base, 'store')
        await mkdir(dir)
        await writeFile(join(base, 'sentinel'), 'keep me')
        const store = make(dir)
        await body(store, { base, dir })
        if (!opts.leavesUploads) assert.deepEqual(await uploadIds(store), [], 'the test cleaned up, yet the upload area is not empty')
        assert.equal(await readFile(join(base, 'sentinel'), 'utf8'), 'keep me', 'a file outside the store was touched')
      } finally {
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
      it('createUpload makes an empty area; uploadSize of an absent one is null', async (store) => {
        const id = randomUUID()
        assert.equal(await store.uploadSize(id), null)
        await store.createUpload(id)
        assert.equal(await store.uploadSize(id), 0)
        assert.deepEqual(await uploadIds(store), [id])
        await store.deleteUpload(id)
        assert.equal(await store.uploadSize(id), null)
      })

      it('appendUpload at the current offset, from a Readable and from an async iterable', async (store) => {
        const id = randomUUID()
        const a = patternBytes(1000, 8)
        const b = patternBytes(CHUNK + 3, 9)
        await store.createUpload(id)
        assert.equal(await store.appendUpload(id, 0, Readable.from([a])), a.length)
        assert.equal(await store.uploadSize(id), a.length)
        async function* gen() {
          yield b.subarray(0, 10)
          yield b.subarray(10)
        }
        assert.equal(await store.appendUpload(id, a.length, gen()), b.length)
        assert.equal(await store.uploadSize(id), a.length + b.length)
        assert.ok((await readAll(store.readUpload(id))).equals(Buffer.concat([a, b])))
        // an empty append changes nothing
        assert.equal(await store.appendUpload(id, a.length + b.length, Readable.from([])), 0)
        assert.equal(await store.uploadSize(id), a.length + b.length)
        await store.deleteUpload(id)
      })

      it('the bytes of an upload stay invisible until commitUpload', async (store) => {
        const id = randomUUID()
        const data = patternBytes(5000, 10)
        const key = keyOf(data)
        await store.createUpload(id)
        await store.appendUpload(id, 0, Readable.from([data]))
        assert.equal(await store.stat(key), null)
        await assert.rejects(store.open(key), NotFound)
        await store.commitUpload(id, key)
        assert.deepEqual(await store.stat(key), { size: data.length })
        assert.ok((await readRange(store, key)).equals(data))
        assert.equal(await store.uploadSize(id), null, 'a committed upload is gone from the upload area')
      })

      it('truncateUpload cuts back to the acknowledged size and appending resumes there', async (store) => {
        const id = randomUUID()
        const data = patternBytes(3000, 11)
        await store.createUpload(id)
        await store.appendUpload(id, 0, Readable.from([data]))
        await store.truncateUpload(id, 1200)
        assert.equal(await store.uploadSize(id), 1200)
        assert.ok((await readAll(store.readUpload(id))).equals(data.subarray(0, 1200)))
        await store.appendUpload(id, 1200, Readable.from([data.subarray(1200)]))
        assert.ok((await readAll(store.readUpload(id))).equals(data))
        await store.truncateUpload(id, 0)
        assert.equal(await store.uploadSize(id), 0)
        assert.equal((await readAll(store.readUpload(id))).length, 0)
        await store.deleteUpload(id)
      })

      it('on a source error the bytes written so far stay, and are a prefix of the source', async (store) => {
        const id = randomUUID()
        const data = patternBytes(2 * CHUNK, 12)
        await store.createUpload(id)
        async function* failing() {
          yield data.subarray(0, CHUNK)
          yield data.subarray(CHUNK)
          throw new Error('client went away')
        }
        await assert.rejects(store.appendUpload(id, 0, failing()))
        const size = await store.uploadSize(id)
        assert.ok(size !== null && size <= data.length, `size ${size}`)
        assert.ok((await readAll(store.readUpload(id))).equals(data.subarray(0, size)))
        await store.truncateUpload(id, 0)
        await store.appendUpload(id, 0, Readable.from([data]))
        assert.ok((await readAll(store.readUpload(id))).equals(data))
        await store.deleteUpload(id)
      })

      it('a zero-length upload commits to a zero-length object', async (store) => {
        const id = randomUUID()
        const key = keyOf(Buffer.alloc(0))
        await store.createUpload(id)
        await store.commitUpload(id, key)
        assert.deepEqual(await store.stat(key), { size: 0 })
        assert.equal((await store.readSmall(key)).length, 0)
      })

      it('commitUpload is idempotent: two uploads of the same bytes to one key make one right object', async (store) => {
        const data = patternBytes(CHUNK + 1, 13)
        const key = keyOf(data)
        const [id1, id2] = [randomUUID(), randomUUID()]
        for (const id of [id1, id2]) {
          await store.createUpload(id)
          await store.appendUpload(id, 0, Readable.from([data]))
        }
        await store.commitUpload(id1, key)
        await store.commitUpload(id2, key)
        assert.deepEqual(await store.stat(key), { size: data.length })
        assert.ok((await readRange(store, key)).equals(data))
        assert.equal(await store.uploadSize(id1), null)
        assert.equal(await store.uploadSize(id2), null)
      })

      it('concurrent commits of the same bytes to one key leave one right object', async (store) => {
        const data = patternBytes(2 * CHUNK + 5, 14)
        const key = keyOf(data)
        const ids = [randomUUID(), randomUUID(), randomUUID()]
        for (const id of ids) {
          await store.createUpload(id)
          await store.appendUpload(id, 0, Readable.from([data]))
        }
        await Promise.all(ids.map((id) => store.commitUpload(id, key)))
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
          await store.createUpload(id)
          await store.appendUpload(id, 0, Readable.from([data]))
          await store.commitUpload(id, key)
          const s = hashingSink({ collect: true })
          await reader.pipeTo(s.sink)
          assert.ok(s.data().equals(data))
        } finally {
          await reader.close()
        }
      })

      it('deleteUpload removes the area; deleting an absent one is fine', async (store) => {
        const id = randomUUID()
        await store.deleteUpload(id)
        await store.createUpload(id)
        await store.appendUpload(id, 0, Readable.from([Buffer.from('abc')]))
        await store.deleteUpload(id)
        assert.equal(await store.uploadSize(id), null)
        await store.deleteUpload(id)
      })

      it('listUploads names every upload area with a modification time', async (store) => {
        assert.deepEqual(await uploadIds(store), [])
        const before = Date.now()
        const ids = [randomUUID(), randomUUID(), randomUUID()]
        for (const id of ids) await store.createUpload(id)
        const listed: Array<{ id: string; modified: Date }> = []
        for await (const u of store.listUploads()) listed.push(u)
        assert.deepEqual(listed.map((u) => u.id).sort(), [...ids].sort())
        for (const u of listed) {
          assert.ok(u.modified instanceof Date)
          // filesystem timestamps may be coarse; allow a few seconds either way
          assert.ok(Math.abs(u.modified.getTime() - before) < 10_000, `modified ${u.modified.toISOString()}`)
        }
        await store.commitUpload(ids[0]!, keyOf(Buffer.alloc(0)))
        await store.deleteUpload(ids[1]!)
        assert.deepEqual(await uploadIds(store), [ids[2]!])
        await store.deleteUpload(ids[2]!)
      })

      it('an upload left open stays listed (the purge relies on it)', async (store) => {
        const id = randomUUID()
        await store.createUpload(id)
        await store.appendUpload(id, 0, Readable.from([Buffer.from('partial')]))
        assert.deepEqual(await uploadIds(store), [id])
      }, { leavesUploads: true })
    })

    describe('large objects and the read buffer pool', () => {
      const SIZE = 20 * 1024 * 1024 + 12345

      async function putLarge(store: BlobStore, seed: number, size = SIZE): Promise<{ key: string; sha: string; data: Buffer }> {
        const data = patternBytes(size, seed)
        const id = randomUUID()
        await store.createUpload(id)
        // in uneven pieces, as a client would send them
        async function* pieces() {
          for (let at = 0; at < data.length;) {
            const n = Math.min(data.length - at, 100_003)
            yield data.subarray(at, at + n)
            at += n
          }
        }
        assert.equal(await store.appendUpload(id, 0, pieces()), data.length)
        const key = keyOf(data)
        await store.commitUpload(id, key)
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
          await refuses(() => store.createUpload(id), `createUpload(${q})`)
          await refuses(() => store.uploadSize(id), `uploadSize(${q})`)
          await refuses(() => store.appendUpload(id, 0, Readable.from([Buffer.from('x')])), `appendUpload(${q})`)
          await refuses(() => store.truncateUpload(id, 0), `truncateUpload(${q})`)
          await refuses(() => store.readUpload(id), `readUpload(${q})`)
          await refuses(() => store.commitUpload(id, keyOf(Buffer.from('x'))), `commitUpload(${q})`)
          await refuses(() => store.deleteUpload(id), `deleteUpload(${q})`)
        }
      })

      it('commitUpload to a bad key refuses and keeps the upload', async (store) => {
        const id = randomUUID()
        await store.createUpload(id)
        await store.appendUpload(id, 0, Readable.from([Buffer.from('abc')]))
        for (const key of badKeys) await refuses(() => store.commitUpload(id, key), `commitUpload(id, ${JSON.stringify(key)})`)
        assert.equal(await store.uploadSize(id), 3)
        await store.deleteUpload(id)
      })
    })
  })
}
