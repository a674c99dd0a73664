// skopeo pushes an OCI layout (layers of 1 KiB, 1 MiB, 50 MiB) to Berth and pulls it back into a
// new layout: the manifest digest and every blob must come back byte for byte.
import { test, describe, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { open, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { blobPath, layoutBlobDigests, fixtureDigests, readLayoutIndex, sha256, writeOciLayout, MEDIA, type LayoutFixture } from '../helpers/oci-layout.js'
import { authedFetch, clientSandbox, getManifest, loginTarget, requireBinaries, skopeo, startTarget, type Registry } from './clients.js'

describe('skopeo copy: OCI layout → Berth → OCI layout', () => {
  let reg: Registry
  let box: Awaited<ReturnType<typeof clientSandbox>>
  let fx: LayoutFixture
  const repo = 'proj/app'

  before(async () => {
    requireBinaries('skopeo')
    box = await clientSandbox('skopeo-copy')
    fx = await writeOciLayout(join(box.dir, 'src'), { layers: [1024, 1 << 20, 50 << 20], tag: 'v1' })
    reg = await startTarget({ projects: ['proj'] })
    await loginTarget(box.env, reg)
  })
  after(async () => {
    await reg?.close()
    await box?.cleanup()
  })

  test('push keeps the manifest digest', async () => {
    const digestFile = join(box.dir, 'push.digest')
    await skopeo(box.env, 'copy', '--quiet', '--preserve-digests', '--dest-tls-verify=false', '--digestfile', digestFile,
      `oci:${fx.dir}:v1`, `docker://${reg.host}/${repo}:v1`)
    assert.equal((await readFile(digestFile, 'utf8')).trim(), fx.digest)

    const m = await getManifest(reg.url, repo, 'v1', { accept: MEDIA.ociManifest })
    assert.equal(m.status, 200, m.body)
    assert.equal(m.digest, fx.digest)
    assert.equal(sha256(m.body), fx.digest)
    assert.equal(m.contentType, MEDIA.ociManifest)

    for (const l of [fx.images[0]!.config, ...fx.images[0]!.layers]) {
      const res = await authedFetch(`${reg.url}/v2/${repo}/blobs/${l.digest}`, { method: 'HEAD' })
      assert.equal(res.status, 200, `HEAD blob ${l.digest}`)
      assert.equal(res.headers.get('content-length'), String(l.size))
      assert.equal(res.headers.get('docker-content-digest'), l.digest)
    }
  })

  test('pull back is byte-identical', async () => {
    const out = join(box.dir, 'out')
    await skopeo(box.env, 'copy', '--quiet', '--preserve-digests', '--src-tls-verify=false', '--dest-oci-accept-uncompressed-layers',
      `docker://${reg.host}/${repo}:v1`, `oci:${out}:v1`)

    const index = await readLayoutIndex(out)
    const entry = index.manifests.find((d) => d.annotations?.['org.opencontainers.image.ref.name'] === 'v1')
    assert.ok(entry, `tag v1 in ${JSON.stringify(index)}`)
    assert.equal(entry.digest, fx.digest)

    const blobs = await layoutBlobDigests(out)
    assert.deepEqual([...blobs.keys()].sort(), fixtureDigests(fx))
    for (const [name, actual] of blobs) assert.equal(actual, name, `blob ${name} content`)
  })

  test('a ranged GET of the 50 MiB layer returns exactly that slice', async () => {
    const big = fx.images[0]!.layers[2]!
    const res = await authedFetch(`${reg.url}/v2/${repo}/blobs/${big.digest}`, { headers: { range: 'bytes=1000-1999' } })
    assert.equal(res.status, 206)
    const got = Buffer.from(await res.arrayBuffer())
    const fh = await open(blobPath(fx.dir, big.digest))
    const want = Buffer.alloc(1000)
    try { await fh.read(want, 0, 1000, 1000) } finally { await fh.close() }
    assert.deepEqual(got, want)
  })
})
