// `berth serve` killed with SIGKILL and started again on the same data dir: a chunked upload
// resumes where it stopped, and a monolithic PUT cut off mid-stream leaves no visible blob (and
// the same blob can then be pushed afresh).
import { test, describe, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { createReadStream, watch } from 'node:fs'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { request as httpRequest } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ADMIN_AUTH, ADMIN_PASSWORD, createProject, spawnBerth, type BerthProcess } from '../helpers/berth.js'
import { blobPath, fixtureDigests, layoutBlobDigests, readLayoutIndex, sha256, writeOciLayout, type LayoutFixture } from '../helpers/oci-layout.js'
import { clientSandbox, fetchBlobDigest, requireBinaries, skopeo } from './clients.js'
import { backendConfig, testBackend } from '../helpers/backend.js'

/** The upload URL a registry gave, re-pointed at `base` (a restarted server listens on a new port). */
function rebase(location: string, base: string): string {
  const u = new URL(location, base)
  return `${base}${u.pathname}${u.search}`
}

function withDigest(url: string, digest: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}digest=${encodeURIComponent(digest)}`
}

/** Resolves once the file at `path` holds `bytes` bytes or more: inotify tells each change, nothing sleeps. */
function fileReaches(path: string, bytes: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const watcher = watch(path)
    let done = false
    const finish = (err?: unknown) => {
      if (done) return
      done = true
      watcher.close()
      if (err) reject(err)
      else resolve()
    }
    const check = () => stat(path).then((s) => { if (s.size >= bytes) finish() }, finish)
    watcher.on('change', check)
    watcher.on('error', finish)
    void check()
  })
}

/** Bytes the process has read so far, sockets included (Linux /proc). */
async function bytesRead(pid: number): Promise<number> {
  return Number(/^rchar:\s*(\d+)/m.exec(await readFile(`/proc/${pid}/io`, 'utf8'))![1])
}

/**
 * Resolves once the process has read `bytes` more than `from`: on a store that is not a
 * directory (S3) there is no upload file to watch, so the server's own reads tell.
 */
async function processReads(pid: number, from: number, bytes: number): Promise<void> {
  while ((await bytesRead(pid)) - from < bytes) await new Promise((r) => setTimeout(r, 10))
}

/** Berth-only test (it spawns `berth serve`): every request is the system admin's. */
const admin = { authorization: ADMIN_AUTH }
const CREDS = `admin:${ADMIN_PASSWORD}`

describe('berth serve restarted after SIGKILL', () => {
  let dataDir: string
  let box: Awaited<ReturnType<typeof clientSandbox>>
  let berth: BerthProcess | undefined
  const repo = 'proj/restart'

  before(async () => {
    requireBinaries('skopeo')
    dataDir = await mkdtemp(join(tmpdir(), 'berth-e2e-restart-data-'))
    box = await clientSandbox('restart')
  })
  after(async () => {
    await berth?.close()
    await rm(dataDir, { recursive: true, force: true })
    await box?.cleanup()
  })

  async function restart(): Promise<BerthProcess> {
    if (berth) await berth.kill('SIGKILL')
    assert.ok(!berth || berth.child.signalCode === 'SIGKILL' || berth.child.exitCode !== null)
    const first = !berth
    berth = await spawnBerth({ dataDir })
    if (first) await createProject(berth.url, 'proj')
    return berth
  }

  test('a chunked upload continues after kill -9 and restart', async () => {
    let b = await restart()
    const blob = randomBytes(3 << 20)
    const digest = sha256(blob)
    const cut = 1_500_001 // not on any power-of-two boundary

    const post = await fetch(`${b.url}/v2/${repo}/blobs/uploads/`, { method: 'POST', headers: admin })
    assert.equal(post.status, 202, await post.text())
    assert.ok(post.headers.get('location'), 'POST gives a Location')
    let location = rebase(post.headers.get('location')!, b.url)

    const patch1 = await fetch(location, {
      method: 'PATCH',
      headers: { ...admin, 'content-type': 'application/octet-stream', 'content-range': `0-${cut - 1}` },
      body: blob.subarray(0, cut),
    })
    assert.equal(patch1.status, 202, await patch1.text())
    assert.equal(patch1.headers.get('range'), `0-${cut - 1}`)
    location = patch1.headers.get('location') ?? location

    b = await restart()
    location = rebase(location, b.url)

    const status = await fetch(location, { headers: admin })
    assert.equal(status.status, 204, `upload status after restart: ${status.status} ${await status.text()}`)
    assert.equal(status.headers.get('range'), `0-${cut - 1}`, 'the first chunk survived the crash')
    location = rebase(status.headers.get('location') ?? location, b.url)

    const patch2 = await fetch(location, {
      method: 'PATCH',
      headers: { ...admin, 'content-type': 'application/octet-stream', 'content-range': `${cut}-${blob.length - 1}` },
      body: blob.subarray(cut),
    })
    assert.equal(patch2.status, 202, await patch2.text())
    assert.equal(patch2.headers.get('range'), `0-${blob.length - 1}`)
    location = rebase(patch2.headers.get('location') ?? location, b.url)

    const put = await fetch(withDigest(location, digest), { method: 'PUT', headers: { ...admin, 'content-length': '0' } })
    assert.equal(put.status, 201, await put.text())
    assert.equal(put.headers.get('docker-content-digest'), digest)

    const got = await fetchBlobDigest(b.url, repo, digest, { auth: ADMIN_AUTH })
    assert.equal(got.status, 200)
    assert.equal(got.size, blob.length)
    assert.equal(got.digest, digest)
  })

  describe('kill -9 during a large monolithic PUT', () => {
    let fx: LayoutFixture
    let layer: { digest: string; size: number }

    before(async () => {
      fx = await writeOciLayout(join(box.dir, 'big'), { layers: [48 << 20], tag: 'v1' })
      layer = fx.images[0]!.layers[0]!
    })

    test('the half-sent blob is not visible after restart', async () => {
      const b = await restart()
      const post = await fetch(`${b.url}/v2/${repo}/blobs/uploads/`, { method: 'POST', headers: admin })
      assert.equal(post.status, 202, await post.text())
      const target = new URL(withDigest(rebase(post.headers.get('location')!, b.url), layer.digest))

      // stream about a third of the blob; once the server has taken 4 MiB in, kill it
      const req = httpRequest({
        host: target.hostname, port: target.port, method: 'PUT', path: target.pathname + target.search,
        headers: { ...admin, 'content-type': 'application/octet-stream', 'content-length': String(layer.size) },
      })
      const outcome = new Promise<string>((resolve) => {
        req.on('response', (res) => { res.resume(); resolve(`response ${res.statusCode}`) })
        req.on('error', (err) => resolve(`error ${(err as NodeJS.ErrnoException).code ?? err.message}`))
      })
      const uploadFile = join(dataDir, 'registry', 'uploads', target.pathname.split('/').pop()!)
      const onDisk = testBackend === 'embedded' || !(await backendConfig(dataDir)).storage
      const readBefore = await bytesRead(b.child.pid!)
      const src = createReadStream(blobPath(fx.dir, layer.digest), { end: Math.floor(layer.size / 3) })
      for await (const chunk of src) {
        if (!req.write(chunk)) await new Promise((r) => req.once('drain', r))
      }
      // the server has written part of the blob to its upload area: the kill tears a real upload
      await Promise.race([
        onDisk ? fileReaches(uploadFile, 4 << 20) : processReads(b.child.pid!, readBefore, 8 << 20),
        outcome.then((r) => { throw new Error(`the PUT ended before the server took bytes in (${r})`) }),
      ])
      await b.kill('SIGKILL')
      const result = await outcome
      assert.match(result, /^error /, `the PUT was cut off by the kill, not answered (${result})`)

      const b2 = await restart()
      const head = await fetch(`${b2.url}/v2/${repo}/blobs/${layer.digest}`, { method: 'HEAD', headers: admin })
      assert.equal(head.status, 404, 'a blob whose upload never finished must not be visible')
    })

    test('a fresh push of the same image then works and pulls byte-identical', async () => {
      const b = berth!
      const digestFile = join(box.dir, 'push.digest')
      await skopeo(box.env, 'copy', '--quiet', '--preserve-digests', '--dest-tls-verify=false', '--dest-creds', CREDS, '--digestfile', digestFile,
        `oci:${fx.dir}:v1`, `docker://${b.host}/${repo}:v1`)
      const head = await fetch(`${b.url}/v2/${repo}/blobs/${layer.digest}`, { method: 'HEAD', headers: admin })
      assert.equal(head.status, 200)
      assert.equal(head.headers.get('content-length'), String(layer.size))

      const out = join(box.dir, 'out')
      await skopeo(box.env, 'copy', '--quiet', '--preserve-digests', '--src-tls-verify=false', '--src-creds', CREDS, '--dest-oci-accept-uncompressed-layers',
        `docker://${b.host}/${repo}:v1`, `oci:${out}:v1`)
      assert.equal((await readLayoutIndex(out)).manifests[0]?.digest, fx.digest)
      const blobs = await layoutBlobDigests(out)
      assert.deepEqual([...blobs.keys()].sort(), fixtureDigests(fx))
      for (const [name, actual] of blobs) assert.equal(actual, name)
    })
  })
})
