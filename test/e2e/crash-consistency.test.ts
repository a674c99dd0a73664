// kill -9 at arbitrary moments during a stream of pushes: afterwards no blob file is torn, no row
// points at missing data, and everything the server acknowledged is still there, byte for byte.
// A push may fail only because the connection died under it (we killed the server); any HTTP
// answer other than the expected one is a failure of the test, never "the server died".
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createHash, randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { withServerBlobs, withServerDb } from '../helpers/db.js'
import { blobKey } from '../../src/storage/paths.js'
import { ADMIN_AUTH, createProject, spawnBerth } from '../helpers/berth.js'

/** Every request is the system admin's (projects are private, pushes need credentials). */
const admin = { authorization: ADMIN_AUTH }

const sha256 = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`

type Acked = { repo: string; tag: string; manifest: Buffer; layers: Buffer[] }

/** Socket-level failures undici reports when the server dies or refuses: the only excusable ones. */
const CONNECTION_LOST = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED'])

/** True when a push failed because the connection died (or we aborted it), not because of an HTTP answer. */
function connectionLost(err: unknown): boolean {
  if (err instanceof Error && err.name === 'AbortError') return true
  const code = (err as { cause?: { code?: unknown } } | undefined)?.cause?.code
  return err instanceof TypeError && typeof code === 'string' && CONNECTION_LOST.has(code)
}

async function expectStatus(what: string, res: Response, status: number): Promise<void> {
  if (res.status !== status) assert.fail(`${what}: expected ${status}, got ${res.status} ${await res.text()}`)
}

async function pushImage(base: string, repo: string, tag: string, signal: AbortSignal): Promise<Acked> {
  const layers = [randomBytes(4096 + Math.floor(Math.random() * 200_000)), randomBytes(1000)]
  const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: layers.map(sha256) } }))
  for (const blob of [...layers, config]) {
    const res = await fetch(`${base}/v2/${repo}/blobs/uploads/?digest=${sha256(blob)}`, { method: 'POST', body: blob, headers: admin, signal })
    await expectStatus(`POST blob to ${repo}`, res, 201)
  }
  const manifest = Buffer.from(JSON.stringify({
    schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha256(config), size: config.length },
    layers: layers.map((l) => ({ mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: sha256(l), size: l.length })),
  }))
  const res = await fetch(`${base}/v2/${repo}/manifests/${tag}`, { method: 'PUT', body: manifest, headers: { ...admin, 'content-type': 'application/vnd.oci.image.manifest.v1+json' }, signal })
  await expectStatus(`PUT manifest ${repo}:${tag}`, res, 201)
  return { repo, tag, manifest, layers }
}

/** What the database says after the crash, read as the next server would (the product's adapter). */
async function checkStore(dataDir: string) {
  return withServerDb({ dataDir }, async (db) => {
    const blobs = await db.selectFrom('blob').select(['digest', 'size']).execute()
    const artifacts = await db.selectFrom('artifact').select('digest').execute()
    const links = await db.selectFrom('repository_blob').select('digest')
      .where('digest', 'not in', db.selectFrom('blob').select('digest')).execute()
    return { blobs, artifacts, danglingLinks: links.length }
  })
}

test('kill -9 during pushes leaves a consistent store and loses nothing acknowledged', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'berth-crash-'))
  const acked: Acked[] = []
  try {
    for (let round = 0; round < 4; round++) {
      const server = await spawnBerth({ dataDir })
      const controller = new AbortController()
      // Killed once a random number of pushes were acknowledged in this round: the other workers
      // are then somewhere inside theirs. Counting acknowledgements, not waiting a while, keeps
      // every round meaningful however slow the machine is.
      const killAfter = 1 + Math.floor(Math.random() * 6)
      let ackedThisRound = 0
      let killing: Promise<void> | undefined
      const kill = () => (killing ??= server.kill('SIGKILL').then(() => controller.abort()))
      try {
        if (round === 0) await createProject(server.url, 'crash')
        let n = 0
        const workers = Array.from({ length: 4 }, async (_, w) => {
          while (!controller.signal.aborted) {
            let image: Acked
            try {
              image = await pushImage(server.url, `crash/r${w}`, `t${round}-${n++}`, controller.signal)
            } catch (err) {
              if (killing && connectionLost(err)) return // died under us: what was not acknowledged may be lost
              throw err
            }
            acked.push(image)
            if (++ackedThisRound >= killAfter) void kill()
          }
        })
        await Promise.all(workers)
      } finally {
        await kill()
      }
      assert.ok(ackedThisRound >= killAfter, `round ${round}: ${ackedThisRound} pushes acknowledged before the kill`)

      const { blobs, artifacts, danglingLinks } = await checkStore(dataDir)
      assert.equal(danglingLinks, 0)
      // the store as the next server opens it (files, or the S3 bucket on the scale-out pass)
      await withServerBlobs(dataDir, async (store) => {
        for (const b of blobs) {
          assert.equal((await store.stat(blobKey(b.digest)))?.size, b.size, `blob ${b.digest} has the size its row says`)
        }
        for (const a of artifacts) {
          assert.equal(sha256(await store.readSmall(blobKey(a.digest))), a.digest, `manifest ${a.digest} is whole`)
        }
      })
    }
    assert.ok(acked.length > 0, 'some pushes were acknowledged')

    const server = await spawnBerth({ dataDir })
    try {
      for (const image of acked) {
        const res = await fetch(`${server.url}/v2/${image.repo}/manifests/${image.tag}`, { headers: { ...admin, accept: 'application/vnd.oci.image.manifest.v1+json' } })
        assert.equal(res.status, 200)
        assert.deepEqual(Buffer.from(await res.arrayBuffer()), image.manifest)
        for (const layer of image.layers) {
          const blob = await fetch(`${server.url}/v2/${image.repo}/blobs/${sha256(layer)}`, { headers: admin })
          assert.equal(blob.status, 200)
          assert.equal(sha256(Buffer.from(await blob.arrayBuffer())), sha256(layer))
        }
      }
    } finally {
      await server.close()
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true })
  }
})
