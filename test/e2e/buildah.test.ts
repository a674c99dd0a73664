// buildah against Berth with no network: build images from scratch (two layers), push as Docker
// schema 2, pull back (same image ID), and build and push a two-platform manifest list with
// `buildah manifest push --all`.
import { test, describe, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { MEDIA, sha256 } from '../helpers/oci-layout.js'
import { clientSandbox, getManifest, listTags, loginTarget, requireBinaries, run, runOk, startTarget, type Registry, type RunResult } from './clients.js'

describe('buildah: from scratch, commit, push, pull, manifest list', () => {
  let reg: Registry
  let box: Awaited<ReturnType<typeof clientSandbox>>
  let storage: string[]
  const ids: Record<string, string> = {}
  const repo = 'proj/buildah'

  const buildah = (...args: string[]): Promise<RunResult> => runOk('buildah', [...storage, ...args], { env: box.env })

  /** A two-layer image for `arch`, committed locally as `name`; returns its image ID. */
  async function build(name: string, arch: string): Promise<string> {
    await writeFile(join(box.dir, `${arch}-1.bin`), randomBytes(128 << 10))
    await writeFile(join(box.dir, `${arch}-2.bin`), randomBytes(64 << 10))
    const ctr = (await buildah('from', '--quiet', 'scratch')).stdout.trim()
    await buildah('copy', '--quiet', ctr, join(box.dir, `${arch}-1.bin`), '/one.bin')
    await buildah('config', '--arch', arch, '--os', 'linux', '--cmd', '["/one.bin"]', '--label', 'berth.e2e=1', ctr)
    const base = (await buildah('commit', '--quiet', '--rm', ctr, `${name}-base`)).stdout.trim()
    assert.match(base, /^[0-9a-f]{64}$/)
    const ctr2 = (await buildah('from', '--quiet', '--pull-never', `${name}-base`)).stdout.trim()
    await buildah('copy', '--quiet', ctr2, join(box.dir, `${arch}-2.bin`), '/two.bin')
    return (await buildah('commit', '--quiet', '--rm', ctr2, name)).stdout.trim()
  }

  before(async () => {
    requireBinaries('buildah')
    box = await clientSandbox('buildah')
    storage = ['--root', join(box.dir, 'storage'), '--runroot', join(box.dir, 'run'), '--storage-driver', 'vfs']
    reg = await startTarget({ projects: ['proj'] })
    await loginTarget(box.env, reg, 'buildah', storage)
  })
  after(async () => {
    await reg?.close()
    await box?.cleanup()
  })

  test('build and push as Docker schema 2', async () => {
    const image = `${reg.host}/${repo}:v1`
    ids.amd64 = await build(image, 'amd64')
    const digestFile = join(box.dir, 'push.digest')
    await buildah('push', '--quiet', '--tls-verify=false', '--format', 'v2s2', '--digestfile', digestFile, image)
    const digest = (await readFile(digestFile, 'utf8')).trim()

    const m = await getManifest(reg.url, repo, 'v1', { accept: MEDIA.dockerManifest })
    assert.equal(m.status, 200, m.body)
    assert.equal(m.contentType, MEDIA.dockerManifest)
    assert.equal(m.digest, digest)
    const parsed = JSON.parse(m.body) as { config: { digest: string }; layers: unknown[] }
    assert.equal(parsed.config.digest, `sha256:${ids.amd64}`)
    assert.equal(parsed.layers.length, 2)
  })

  test('rmi and pull give back the same image ID', async () => {
    const image = `${reg.host}/${repo}:v1`
    await buildah('rmi', '--force', image)
    const gone = await run('buildah', [...storage, 'inspect', '--type', 'image', image], { env: box.env })
    assert.notEqual(gone.code, 0, 'image removed locally')
    await buildah('pull', '--quiet', '--tls-verify=false', image)
    const r = await buildah('inspect', '--type', 'image', '--format', '{{.FromImageID}}', image)
    assert.equal(r.stdout.trim(), ids.amd64)
  })

  test('manifest list of amd64 + arm64 with manifest push --all', async () => {
    ids.arm64 = await build(`${reg.host}/${repo}:arm64-only`, 'arm64')
    const list = `${reg.host}/${repo}:list`
    await buildah('manifest', 'create', list)
    await buildah('manifest', 'add', list, `containers-storage:${reg.host}/${repo}:v1`)
    await buildah('manifest', 'add', list, `containers-storage:${reg.host}/${repo}:arm64-only`)
    const digestFile = join(box.dir, 'list.digest')
    await buildah('manifest', 'push', '--quiet', '--all', '--tls-verify=false', '--digestfile', digestFile, list, `docker://${list}`)
    const digest = (await readFile(digestFile, 'utf8')).trim()

    const idx = await getManifest(reg.url, repo, 'list')
    assert.equal(idx.status, 200, idx.body)
    assert.equal(idx.digest, digest)
    assert.equal(sha256(idx.body), digest)
    assert.ok(idx.contentType === MEDIA.dockerList || idx.contentType === MEDIA.ociIndex, `index type ${idx.contentType}`)
    const parsed = JSON.parse(idx.body) as { manifests: { digest: string; platform: { architecture: string } }[] }
    assert.deepEqual(parsed.manifests.map((d) => d.platform.architecture).sort(), ['amd64', 'arm64'])
    for (const d of parsed.manifests) {
      const child = await getManifest(reg.url, repo, d.digest)
      assert.equal(child.status, 200, `child ${d.platform.architecture}: ${child.body}`)
      assert.equal(sha256(child.body), d.digest)
      const config = (JSON.parse(child.body) as { config: { digest: string } }).config.digest
      assert.equal(config, `sha256:${ids[d.platform.architecture]}`)
    }

    const tags = await listTags(reg.url, repo)
    assert.deepEqual([...(tags.tags ?? [])].sort(), ['list', 'v1'])
  })
})
