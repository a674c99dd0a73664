// A linux/amd64 + linux/arm64 OCI index pushed with `skopeo copy --all`, pulled back with --all:
// the index, both child manifests and every blob must round-trip; --override-arch picks a child.
import { test, describe, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fixtureDigests, layoutBlobDigests, readLayoutIndex, readLayoutJson, sha256, writeOciLayout, MEDIA, type Descriptor, type LayoutFixture } from '../helpers/oci-layout.js'
import { clientSandbox, getManifest, loginTarget, requireBinaries, skopeo, startTarget, type Registry } from './clients.js'

describe('skopeo copy --all: multi-architecture index', () => {
  let reg: Registry
  let box: Awaited<ReturnType<typeof clientSandbox>>
  let fx: LayoutFixture
  const repo = 'proj/multi'

  before(async () => {
    requireBinaries('skopeo')
    box = await clientSandbox('skopeo-multiarch')
    fx = await writeOciLayout(join(box.dir, 'src'), { layers: [1024, 64 << 10], tag: 'v1', multiArch: true })
    reg = await startTarget({ projects: ['proj'] })
    await loginTarget(box.env, reg)
  })
  after(async () => {
    await reg?.close()
    await box?.cleanup()
  })

  test('push --all keeps the index and child digests', async () => {
    const digestFile = join(box.dir, 'push.digest')
    await skopeo(box.env, 'copy', '--quiet', '--all', '--preserve-digests', '--dest-tls-verify=false', '--digestfile', digestFile,
      `oci:${fx.dir}:v1`, `docker://${reg.host}/${repo}:v1`)
    assert.equal((await readFile(digestFile, 'utf8')).trim(), fx.digest)

    const idx = await getManifest(reg.url, repo, 'v1', { accept: MEDIA.ociIndex })
    assert.equal(idx.status, 200, idx.body)
    assert.equal(idx.contentType, MEDIA.ociIndex)
    assert.equal(idx.digest, fx.digest)
    assert.equal(sha256(idx.body), fx.digest)

    for (const img of fx.images) {
      const child = await getManifest(reg.url, repo, img.manifestDigest, { accept: MEDIA.ociManifest })
      assert.equal(child.status, 200, `child ${img.platform.architecture}: ${child.body}`)
      assert.equal(child.contentType, MEDIA.ociManifest)
      assert.equal(sha256(child.body), img.manifestDigest)
    }
  })

  test('pull --all back into a layout is byte-identical', async () => {
    const out = join(box.dir, 'out')
    await skopeo(box.env, 'copy', '--quiet', '--all', '--preserve-digests', '--src-tls-verify=false', '--dest-oci-accept-uncompressed-layers',
      `docker://${reg.host}/${repo}:v1`, `oci:${out}:v1`)

    const top = (await readLayoutIndex(out)).manifests.find((d) => d.annotations?.['org.opencontainers.image.ref.name'] === 'v1')
    assert.ok(top, 'tag v1 in the pulled layout')
    assert.equal(top.digest, fx.digest)
    assert.equal(top.mediaType, MEDIA.ociIndex)

    const index = await readLayoutJson<{ manifests: Descriptor[] }>(out, fx.digest)
    const children = index.manifests.map((d) => ({ digest: d.digest, arch: d.platform?.architecture, os: d.platform?.os }))
    assert.deepEqual(children, fx.images.map((img) => ({ digest: img.manifestDigest, arch: img.platform.architecture, os: img.platform.os })))
    for (const img of fx.images) {
      assert.equal(sha256(await readFile(join(out, 'blobs', 'sha256', img.manifestDigest.slice(7)))), img.manifestDigest)
    }

    const blobs = await layoutBlobDigests(out)
    assert.deepEqual([...blobs.keys()].sort(), fixtureDigests(fx))
    for (const [name, actual] of blobs) assert.equal(actual, name, `blob ${name} content`)
  })

  test('inspect --raw returns the index; --override-arch picks the child', async () => {
    const raw = await skopeo(box.env, 'inspect', '--raw', '--tls-verify=false', `docker://${reg.host}/${repo}:v1`)
    assert.equal(sha256(raw.stdout), fx.digest)

    for (const img of fx.images) {
      const r = await skopeo(box.env, '--override-os', 'linux', '--override-arch', img.platform.architecture,
        'inspect', '--tls-verify=false', `docker://${reg.host}/${repo}:v1`)
      const info = JSON.parse(r.stdout) as { Digest: string; Architecture: string; Os: string; Layers: string[] }
      assert.equal(info.Architecture, img.platform.architecture)
      assert.equal(info.Os, 'linux')
      assert.deepEqual(info.Layers, img.layers.map((l) => l.digest))
      // skopeo reports the digest of what the tag names (the index); the child shows in its layers
      assert.equal(info.Digest, fx.digest)
    }
  })
})
