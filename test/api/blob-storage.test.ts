// Blob storage seen from a client: a chunked upload that moves between Berth instances sharing
// one database and one store, and blob GETs that hand the bytes to someone else (a presigned S3
// URL, or nginx through X-Accel-Redirect) only after Berth has authorized the request.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { createHash, randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ADMIN_AUTH, createProject, startBerth, type InProcessBerth } from '../helpers/berth.js'
import { createTestBucket, S3_TEST_CREDENTIALS } from '../helpers/backend.js'
import type { ConfigInput } from '../../src/config/load.js'

const s3Endpoint = process.env.BERTH_TEST_S3_ENDPOINT
const sha256 = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`

async function s3Storage(extra: Record<string, unknown> = {}): Promise<ConfigInput['storage']> {
  return {
    type: 's3', ...extra,
    s3: { regionendpoint: s3Endpoint!, region: 'us-east-1', bucket: await createTestBucket(), forcepathstyle: true, ...S3_TEST_CREDENTIALS },
  } as ConfigInput['storage']
}

async function send(b: InProcessBerth, method: string, path: string, body?: Buffer, headers: Record<string, string> = {}) {
  const url = path.startsWith('http') ? path : `${b.url}${path}`
  return fetch(url, { method, headers: { authorization: ADMIN_AUTH, ...(body ? { 'content-type': 'application/octet-stream' } : {}), ...headers }, body, redirect: 'manual' })
}

/** Where the next request of an upload goes, on whichever instance `b` is. */
function on(b: InProcessBerth, location: string): string {
  const u = new URL(location, b.url)
  return `${b.url}${u.pathname}${u.search}`
}

async function pushBlob(b: InProcessBerth, repo: string, data: Buffer): Promise<string> {
  const res = await send(b, 'POST', `/v2/${repo}/blobs/uploads/?digest=${sha256(data)}`, data)
  assert.equal(res.status, 201, await res.text())
  return sha256(data)
}

describe('blob storage: an upload across instances', () => {
  const variants: Array<[string, () => Promise<ConfigInput>]> = [['the test backend', async () => ({})]]
  if (s3Endpoint) variants.push(['S3 with SQLite', async () => ({ storage: await s3Storage() })])

  for (const [label, configOf] of variants) {
    test(`started on one instance, continued on a second after the first is gone, finished on a third (${label})`, async () => {
      const dataDir = await mkdtemp(join(tmpdir(), 'berth-instances-'))
      const config = await configOf()
      const started: InProcessBerth[] = []
      const start = async () => {
        const b = await startBerth({ dataDir, config })
        started.push(b)
        return b
      }
      try {
        const first = await start()
        await createProject(first.url, 'spread')
        const repo = 'spread/app'
        const a = randomBytes(1024 * 1024 + 7)
        const b2 = randomBytes(300_001)
        const c = randomBytes(999)
        const whole = Buffer.concat([a, b2, c])

        const post = await send(first, 'POST', `/v2/${repo}/blobs/uploads/`)
        assert.equal(post.status, 202)
        const p1 = await send(first, 'PATCH', on(first, post.headers.get('location')!), a, { 'content-range': `0-${a.length - 1}` })
        assert.equal(p1.status, 202, await p1.text())
        await first.close() // its hash state dies with it

        const second = await start()
        const p2 = await send(second, 'PATCH', on(second, p1.headers.get('location')!), b2, { 'content-range': `${a.length}-${a.length + b2.length - 1}` })
        assert.equal(p2.status, 202, await p2.text())
        assert.equal(p2.headers.get('range'), `0-${a.length + b2.length - 1}`)

        const third = await start()
        const status = await send(third, 'GET', on(third, p2.headers.get('location')!))
        assert.equal(status.status, 204)
        assert.equal(status.headers.get('range'), `0-${a.length + b2.length - 1}`)
        const put = await send(third, 'PUT', `${on(third, p2.headers.get('location')!)}${p2.headers.get('location')!.includes('?') ? '&' : '?'}digest=${sha256(whole)}`, c)
        assert.equal(put.status, 201, await put.text())

        // every instance serves the same right bytes
        for (const b of [second, third]) {
          const res = await send(b, 'GET', `/v2/${repo}/blobs/${sha256(whole)}`)
          assert.equal(res.status, 200)
          assert.equal(sha256(Buffer.from(await res.arrayBuffer())), sha256(whole))
        }

        // and a wrong digest at the end leaves nothing visible
        const post2 = await send(third, 'POST', `/v2/${repo}/blobs/uploads/`)
        const q1 = await send(third, 'PATCH', on(third, post2.headers.get('location')!), a)
        assert.equal(q1.status, 202)
        const wrong = sha256(randomBytes(10))
        const bad = await send(second, 'PUT', `${on(second, q1.headers.get('location')!)}?digest=${wrong}`)
        assert.equal(bad.status, 400)
        assert.equal((await send(second, 'HEAD', `/v2/${repo}/blobs/${wrong}`)).status, 404)
        assert.equal((await send(second, 'HEAD', `/v2/${repo}/blobs/${sha256(a)}`)).status, 404)
      } finally {
        for (const b of started) await b.close().catch(() => {})
        await rm(dataDir, { recursive: true, force: true })
      }
    })
  }
})

describe('blob storage: bytes sent by someone else', () => {
  test('storage.filesystem.x_accel_redirect: GET answers X-Accel-Redirect with the blob\'s headers and no body; HEAD and the checks stay Berth\'s', async () => {
    const b = await startBerth({ config: { storage: { type: 'filesystem', filesystem: { x_accel_redirect: '/_berth_blobs/' } } } })
    try {
      await createProject(b.url, 'accel')
      const data = randomBytes(5000)
      const digest = await pushBlob(b, 'accel/app', data)
      const res = await send(b, 'GET', `/v2/accel/app/blobs/${digest}`)
      assert.equal(res.status, 200)
      const hex = digest.slice('sha256:'.length)
      assert.equal(res.headers.get('x-accel-redirect'), `/_berth_blobs/sha256/${hex.slice(0, 2)}/${hex}`)
      assert.equal(res.headers.get('docker-content-digest'), digest)
      assert.equal(res.headers.get('content-type'), 'application/octet-stream')
      assert.equal((await res.arrayBuffer()).byteLength, 0)
      const head = await send(b, 'HEAD', `/v2/accel/app/blobs/${digest}`)
      assert.equal(head.status, 200)
      assert.equal(head.headers.get('x-accel-redirect'), null)
      assert.equal(head.headers.get('content-length'), String(data.length))
      // no credentials, or a repository that does not link the blob: no redirect
      const anonymous = await fetch(`${b.url}/v2/accel/app/blobs/${digest}`)
      assert.equal(anonymous.status, 401)
      assert.equal(anonymous.headers.get('x-accel-redirect'), null)
      await createProject(b.url, 'elsewhere')
      const unlinked = await send(b, 'GET', `/v2/elsewhere/app/blobs/${digest}`)
      assert.equal(unlinked.status, 404)
      assert.equal(unlinked.headers.get('x-accel-redirect'), null)
    } finally {
      await b.close()
    }
  })

  test('without x_accel_redirect, or with redirects on a store that cannot presign, the filesystem store streams', async () => {
    const b = await startBerth({ config: { storage: { type: 'filesystem', redirect: { disable: false } } } })
    try {
      await createProject(b.url, 'plain')
      const data = randomBytes(3000)
      const digest = await pushBlob(b, 'plain/app', data)
      const res = await send(b, 'GET', `/v2/plain/app/blobs/${digest}`)
      assert.equal(res.status, 200)
      assert.equal(res.headers.get('x-accel-redirect'), null)
      assert.ok(Buffer.from(await res.arrayBuffer()).equals(data))
    } finally {
      await b.close()
    }
  })

  test('storage.redirect on S3: GET answers 307 to a presigned URL that serves the bytes; HEAD and unauthorized requests do not', { skip: s3Endpoint ? false : 'BERTH_TEST_S3_ENDPOINT is unset' }, async () => {
    const b = await startBerth({ config: { storage: await s3Storage({ redirect: { disable: false, expiry_seconds: 120 } }) } })
    try {
      await createProject(b.url, 'presign')
      const data = randomBytes(70_000)
      const digest = await pushBlob(b, 'presign/app', data)
      const res = await send(b, 'GET', `/v2/presign/app/blobs/${digest}`)
      assert.equal(res.status, 307)
      const location = res.headers.get('location')!
      assert.match(location, /X-Amz-Signature=/)
      assert.match(location, /X-Amz-Expires=120/)
      const fetched = await fetch(location)
      assert.equal(fetched.status, 200)
      assert.ok(Buffer.from(await fetched.arrayBuffer()).equals(data))
      const head = await send(b, 'HEAD', `/v2/presign/app/blobs/${digest}`)
      assert.equal(head.status, 200)
      assert.equal(head.headers.get('content-length'), String(data.length))
      const anonymous = await fetch(`${b.url}/v2/presign/app/blobs/${digest}`, { redirect: 'manual' })
      assert.equal(anonymous.status, 401)
      assert.equal(anonymous.headers.get('location'), null)
    } finally {
      await b.close()
    }
  })

  test('S3 with redirects off (the default) streams through Berth, ranges included', { skip: s3Endpoint ? false : 'BERTH_TEST_S3_ENDPOINT is unset' }, async () => {
    const b = await startBerth({ config: { storage: await s3Storage() } })
    try {
      await createProject(b.url, 'through')
      const data = randomBytes(70_000)
      const digest = await pushBlob(b, 'through/app', data)
      const res = await send(b, 'GET', `/v2/through/app/blobs/${digest}`)
      assert.equal(res.status, 200)
      assert.ok(Buffer.from(await res.arrayBuffer()).equals(data))
      const ranged = await send(b, 'GET', `/v2/through/app/blobs/${digest}`, undefined, { range: 'bytes=0-0' })
      assert.equal(ranged.status, 206)
      assert.ok(Buffer.from(await ranged.arrayBuffer()).equals(data.subarray(0, 1)))
    } finally {
      await b.close()
    }
  })
})
