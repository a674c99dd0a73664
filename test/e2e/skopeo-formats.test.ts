// skopeo pushes the same image as an OCI manifest and as a Docker v2 schema 2 manifest, inspects
// it (raw and parsed), lists tags, and deletes one: Berth must store each media type as pushed.
import { test, describe, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { sha256, writeOciLayout, MEDIA, type LayoutFixture } from '../helpers/oci-layout.js'
import { clientSandbox, getManifest, loginTarget, requireBinaries, skopeo, startTarget, type Registry } from './clients.js'

type Manifest = { schemaVersion: number; mediaType?: string; config: { mediaType: string; digest: string }; layers: { mediaType: string; digest: string }[] }

describe('skopeo: --format oci / v2s2, inspect, list-tags, delete', () => {
  let reg: Registry
  let box: Awaited<ReturnType<typeof clientSandbox>>
  let fx: LayoutFixture
  const repo = 'proj/fmt'
  const digests: Record<'oci' | 'v2s2', string> = { oci: '', v2s2: '' }

  before(async () => {
    requireBinaries('skopeo')
    box = await clientSandbox('skopeo-formats')
    fx = await writeOciLayout(join(box.dir, 'src'), { layers: [1024, 4096], tag: 'v1' })
    reg = await startTarget({ projects: ['proj'] })
    await loginTarget(box.env, reg)
  })
  after(async () => {
    await reg?.close()
    await box?.cleanup()
  })

  async function push(format: 'oci' | 'v2s2'): Promise<string> {
    const digestFile = join(box.dir, `${format}.digest`)
    await skopeo(box.env, 'copy', '--quiet', '--format', format, '--dest-tls-verify=false', '--digestfile', digestFile,
      `oci:${fx.dir}:v1`, `docker://${reg.host}/${repo}:${format}`)
    return (await readFile(digestFile, 'utf8')).trim()
  }

  test('--format oci stores an OCI image manifest', async () => {
    digests.oci = await push('oci')
    const m = await getManifest(reg.url, repo, 'oci', { accept: MEDIA.ociManifest })
    assert.equal(m.status, 200, m.body)
    assert.equal(m.contentType, MEDIA.ociManifest)
    assert.equal(m.digest, digests.oci)
    assert.equal(sha256(m.body), digests.oci)
    const parsed = JSON.parse(m.body) as Manifest
    assert.equal(parsed.config.mediaType, MEDIA.ociConfig)
    assert.equal(parsed.config.digest, fx.images[0]!.config.digest)
    assert.equal(parsed.layers.length, 2)
  })

  test('--format v2s2 stores a Docker schema 2 manifest', async () => {
    digests.v2s2 = await push('v2s2')
    assert.notEqual(digests.v2s2, digests.oci)
    const m = await getManifest(reg.url, repo, 'v2s2', { accept: MEDIA.dockerManifest })
    assert.equal(m.status, 200, m.body)
    assert.equal(m.contentType, MEDIA.dockerManifest)
    assert.equal(m.digest, digests.v2s2)
    assert.equal(sha256(m.body), digests.v2s2)
    const parsed = JSON.parse(m.body) as Manifest
    assert.equal(parsed.mediaType, MEDIA.dockerManifest)
    assert.equal(parsed.config.mediaType, 'application/vnd.docker.container.image.v1+json')
    assert.equal(parsed.layers.length, 2)
    for (const l of parsed.layers) assert.match(l.mediaType, /^application\/vnd\.docker\.image\.rootfs\.diff\.tar/)

    // the same manifest by digest, and HEAD agrees with GET
    const byDigest = await getManifest(reg.url, repo, digests.v2s2, { accept: MEDIA.dockerManifest })
    assert.equal(byDigest.status, 200)
    assert.equal(byDigest.body, m.body)
    const head = await getManifest(reg.url, repo, 'v2s2', { accept: MEDIA.dockerManifest, method: 'HEAD' })
    assert.equal(head.status, 200)
    assert.equal(head.digest, digests.v2s2)
    assert.equal(head.headers.get('content-length'), String(Buffer.byteLength(m.body)))
  })

  test('skopeo inspect (parsed)', async () => {
    const r = await skopeo(box.env, 'inspect', '--tls-verify=false', `docker://${reg.host}/${repo}:oci`)
    const info = JSON.parse(r.stdout) as { Digest: string; Architecture: string; Os: string; Layers: string[]; RepoTags: string[]; Labels: Record<string, string> }
    assert.equal(info.Digest, digests.oci)
    assert.equal(info.Architecture, 'amd64')
    assert.equal(info.Os, 'linux')
    assert.equal(info.Layers.length, 2)
    assert.deepEqual([...info.RepoTags].sort(), ['oci', 'v2s2'])
    assert.ok(info.Labels['berth.test'], 'config labels come through')
  })

  test('skopeo inspect --raw returns the stored bytes; --config --raw the config blob', async () => {
    for (const tag of ['oci', 'v2s2'] as const) {
      const raw = await skopeo(box.env, 'inspect', '--raw', '--tls-verify=false', `docker://${reg.host}/${repo}:${tag}`)
      assert.equal(sha256(raw.stdout), digests[tag], `raw manifest of :${tag}`)
    }
    const cfg = await skopeo(box.env, 'inspect', '--config', '--raw', '--tls-verify=false', `docker://${reg.host}/${repo}:oci`)
    assert.equal(sha256(cfg.stdout), fx.images[0]!.config.digest)
  })

  test('skopeo list-tags', async () => {
    const r = await skopeo(box.env, 'list-tags', '--tls-verify=false', `docker://${reg.host}/${repo}`)
    const tags = JSON.parse(r.stdout) as { Repository: string; Tags: string[] }
    assert.equal(tags.Repository, `${reg.host}/${repo}`)
    assert.deepEqual([...tags.Tags].sort(), ['oci', 'v2s2'])
  })

  test('skopeo delete, then the manifest is 404 by tag and by digest', async () => {
    await skopeo(box.env, 'delete', '--tls-verify=false', `docker://${reg.host}/${repo}:v2s2`)
    const byTag = await getManifest(reg.url, repo, 'v2s2')
    assert.equal(byTag.status, 404, byTag.body)
    const byDigest = await getManifest(reg.url, repo, digests.v2s2)
    assert.equal(byDigest.status, 404, byDigest.body)
    assert.equal((JSON.parse(byDigest.body) as { errors: { code: string }[] }).errors[0]?.code, 'MANIFEST_UNKNOWN')
    // the other tag is untouched
    const other = await getManifest(reg.url, repo, 'oci')
    assert.equal(other.status, 200)
    assert.equal(other.digest, digests.oci)
    const r = await skopeo(box.env, 'list-tags', '--tls-verify=false', `docker://${reg.host}/${repo}`)
    assert.deepEqual((JSON.parse(r.stdout) as { Tags: string[] }).Tags, ['oci'])
  })
})
