// Berth and the reference registry (Debian's docker-registry, distribution 2.8) as peers: skopeo
// copies an image and a multi-arch index from docker-registry into Berth and from Berth back into
// docker-registry; every digest must survive both hops byte for byte.
import { test, describe, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { startDockerRegistry, type DockerRegistry } from '../helpers/docker-registry.js'
import { fixtureDigests, layoutBlobDigests, readLayoutIndex, sha256, writeOciLayout, MEDIA, type LayoutFixture } from '../helpers/oci-layout.js'
import { clientSandbox, fetchBlobDigest, getManifest, loginTarget, requireBinaries, skopeo, startTarget, type Registry } from './clients.js'

describe('docker-registry ⇄ Berth with skopeo', () => {
  let berth: Registry
  let peer: DockerRegistry
  let box: Awaited<ReturnType<typeof clientSandbox>>
  let single: LayoutFixture
  let multi: LayoutFixture

  before(async () => {
    requireBinaries('skopeo', 'docker-registry')
    box = await clientSandbox('peer')
    single = await writeOciLayout(join(box.dir, 'single'), { layers: [1024, 1 << 20, 8 << 20], tag: 'v1' })
    multi = await writeOciLayout(join(box.dir, 'multi'), { layers: [2048, 256 << 10], tag: 'v1', multiArch: true })
    peer = await startDockerRegistry()
    berth = await startTarget({ projects: ['proj'] })
    await loginTarget(box.env, berth)
    // seed the peer straight from the layouts
    await skopeo(box.env, 'copy', '--quiet', '--preserve-digests', '--dest-tls-verify=false', `oci:${single.dir}:v1`, `docker://${peer.host}/lib/single:v1`)
    await skopeo(box.env, 'copy', '--quiet', '--all', '--preserve-digests', '--dest-tls-verify=false', `oci:${multi.dir}:v1`, `docker://${peer.host}/lib/multi:v1`)
  })
  after(async () => {
    await berth?.close()
    await peer?.close()
    await box?.cleanup()
  })

  async function copy(from: string, to: string, all = false): Promise<string> {
    const digestFile = join(box.dir, `${Math.random().toString(36).slice(2)}.digest`)
    await skopeo(box.env, 'copy', '--quiet', ...(all ? ['--all'] : []), '--preserve-digests', '--src-tls-verify=false', '--dest-tls-verify=false',
      '--digestfile', digestFile, from, to)
    return (await readFile(digestFile, 'utf8')).trim()
  }

  test('image: docker-registry → Berth', async () => {
    const digest = await copy(`docker://${peer.host}/lib/single:v1`, `docker://${berth.host}/proj/single:v1`)
    assert.equal(digest, single.digest)
    const m = await getManifest(berth.url, 'proj/single', 'v1')
    assert.equal(m.status, 200, m.body)
    assert.equal(m.digest, single.digest)
    assert.equal(sha256(m.body), single.digest)
    const img = single.images[0]!
    for (const d of [img.config, ...img.layers]) {
      const got = await fetchBlobDigest(berth.url, 'proj/single', d.digest)
      assert.equal(got.status, 200, d.digest)
      assert.equal(got.digest, d.digest)
      assert.equal(got.size, d.size)
    }
  })

  test('image: Berth → docker-registry, then pulled from there byte-identical', async () => {
    const digest = await copy(`docker://${berth.host}/proj/single:v1`, `docker://${peer.host}/back/single:v1`)
    assert.equal(digest, single.digest)
    const out = join(box.dir, 'out-single')
    await skopeo(box.env, 'copy', '--quiet', '--preserve-digests', '--src-tls-verify=false', '--dest-oci-accept-uncompressed-layers',
      `docker://${peer.host}/back/single:v1`, `oci:${out}:v1`)
    const top = (await readLayoutIndex(out)).manifests[0]
    assert.equal(top?.digest, single.digest)
    const blobs = await layoutBlobDigests(out)
    assert.deepEqual([...blobs.keys()].sort(), fixtureDigests(single))
    for (const [name, actual] of blobs) assert.equal(actual, name)
  })

  test('multi-arch index: docker-registry → Berth → docker-registry with --all', async () => {
    assert.equal(await copy(`docker://${peer.host}/lib/multi:v1`, `docker://${berth.host}/proj/multi:v1`, true), multi.digest)
    const idx = await getManifest(berth.url, 'proj/multi', 'v1', { accept: MEDIA.ociIndex })
    assert.equal(idx.status, 200, idx.body)
    assert.equal(idx.contentType, MEDIA.ociIndex)
    assert.equal(sha256(idx.body), multi.digest)
    for (const img of multi.images) {
      const child = await getManifest(berth.url, 'proj/multi', img.manifestDigest)
      assert.equal(child.status, 200, child.body)
      assert.equal(sha256(child.body), img.manifestDigest)
    }

    assert.equal(await copy(`docker://${berth.host}/proj/multi:v1`, `docker://${peer.host}/back/multi:v1`, true), multi.digest)
    for (const img of multi.images) {
      const child = await getManifest(peer.url, 'back/multi', img.manifestDigest, { accept: MEDIA.ociManifest, auth: null })
      assert.equal(child.status, 200, child.body)
      for (const d of [img.config, ...img.layers]) {
        const got = await fetchBlobDigest(peer.url, 'back/multi', d.digest, { auth: null })
        assert.equal(got.digest, d.digest, `${img.platform.architecture} blob ${d.digest} in docker-registry`)
      }
    }
  })
})
