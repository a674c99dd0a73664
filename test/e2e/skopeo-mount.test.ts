// skopeo copies an image from one Berth repository to another (docker:// → docker://): the blobs
// must be cross-mounted (POST …/uploads/?mount=&from=, 201) rather than uploaded again, and the
// second repository must pull byte for byte. A recording proxy shows what skopeo asked.
import { test, describe, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fixtureDigests, layoutBlobDigests, readLayoutIndex, writeOciLayout, type LayoutFixture } from '../helpers/oci-layout.js'
import { authedFetch, clientSandbox, getManifest, loginTarget, requireBinaries, skopeo, startRecordingProxy, startTarget, type Registry } from './clients.js'

describe('skopeo copy between two Berth repositories cross-mounts blobs', () => {
  let reg: Registry
  let proxy: Awaited<ReturnType<typeof startRecordingProxy>>
  let box: Awaited<ReturnType<typeof clientSandbox>>
  let fx: LayoutFixture

  before(async () => {
    requireBinaries('skopeo')
    box = await clientSandbox('skopeo-mount')
    fx = await writeOciLayout(join(box.dir, 'src'), { layers: [1024, 1 << 20, 4 << 20], tag: 'v1' })
    reg = await startTarget({ projects: ['proj', 'other'] })
    proxy = await startRecordingProxy(reg.url)
    // skopeo talks to both the registry and the proxy in front of it
    await loginTarget(box.env, reg)
    await loginTarget(box.env, { ...reg, host: proxy.host })
  })
  after(async () => {
    await proxy?.close()
    await reg?.close()
    await box?.cleanup()
  })

  test('seed proj/a from a layout', async () => {
    await skopeo(box.env, 'copy', '--quiet', '--preserve-digests', '--dest-tls-verify=false',
      `oci:${fx.dir}:v1`, `docker://${proxy.host}/proj/a:v1`)
    const m = await getManifest(reg.url, 'proj/a', 'v1')
    assert.equal(m.status, 200, m.body)
    assert.equal(m.digest, fx.digest)
  })

  test('copy proj/a → other/b mounts every layer instead of uploading it', async () => {
    proxy.log.length = 0
    const digestFile = join(box.dir, 'copy.digest')
    await skopeo(box.env, 'copy', '--quiet', '--preserve-digests', '--src-tls-verify=false', '--dest-tls-verify=false', '--digestfile', digestFile,
      `docker://${proxy.host}/proj/a:v1`, `docker://${proxy.host}/other/b:v1`)
    assert.equal((await readFile(digestFile, 'utf8')).trim(), fx.digest)

    const img = fx.images[0]!
    const log = proxy.log.map((e) => `${e.method} ${e.path} → ${e.status}`).join('\n')
    for (const layer of img.layers) {
      const mount = proxy.log.find((e) => e.method === 'POST' && e.path.startsWith('/v2/other/b/blobs/uploads/') &&
        new URL(e.path, 'http://x').searchParams.get('mount') === layer.digest)
      assert.ok(mount, `no mount attempt for layer ${layer.digest}:\n${log}`)
      assert.equal(new URL(mount.path, 'http://x').searchParams.get('from'), 'proj/a', log)
      assert.equal(mount.status, 201, `mount of ${layer.digest} answered ${mount.status}:\n${log}`)
    }
    // skopeo re-sends the (small) config blob itself; no layer bytes may go up
    const sent = proxy.log.filter((e) => e.path.startsWith('/v2/other/b/blobs/uploads/')).reduce((n, e) => n + e.requestBytes, 0)
    assert.ok(sent <= img.config.size, `sent ${sent} blob bytes to other/b (config is ${img.config.size}):\n${log}`)
    const head = await authedFetch(`${reg.url}/v2/other/b/blobs/${img.layers[2]!.digest}`, { method: 'HEAD' })
    assert.equal(head.status, 200)
    assert.equal(head.headers.get('content-length'), String(img.layers[2]!.size))
  })

  test('other/b pulls byte-identical', async () => {
    const out = join(box.dir, 'out')
    await skopeo(box.env, 'copy', '--quiet', '--preserve-digests', '--src-tls-verify=false', '--dest-oci-accept-uncompressed-layers',
      `docker://${reg.host}/other/b:v1`, `oci:${out}:v1`)
    const top = (await readLayoutIndex(out)).manifests.find((d) => d.annotations?.['org.opencontainers.image.ref.name'] === 'v1')
    assert.equal(top?.digest, fx.digest)
    const blobs = await layoutBlobDigests(out)
    assert.deepEqual([...blobs.keys()].sort(), fixtureDigests(fx))
    for (const [name, actual] of blobs) assert.equal(actual, name, `blob ${name} content`)
  })

  test('a mount from a repository that lacks the blob falls back to an upload session (202)', async () => {
    const layer = fx.images[0]!.layers[0]!
    const res = await authedFetch(`${reg.url}/v2/proj/c/blobs/uploads/?mount=${layer.digest}&from=proj/nothing-here`, { method: 'POST' })
    assert.equal(res.status, 202)
    assert.ok(res.headers.get('location'), 'an upload Location')
    const head = await authedFetch(`${reg.url}/v2/proj/c/blobs/${layer.digest}`, { method: 'HEAD' })
    assert.equal(head.status, 404, 'the blob must not become readable in proj/c')
  })
})
