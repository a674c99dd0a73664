// podman against Berth with no network: import a rootfs tarball the test makes, log in, push,
// remove the local image, pull it back (same image ID and digest), tag and push a second tag,
// then check the tag list over HTTP.
import { test, describe, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { clientSandbox, getManifest, listTags, requireBinaries, run, runOk, startTarget, type Registry, type RunResult } from './clients.js'

describe('podman: import, login, push, rmi, pull, tag, push', () => {
  let reg: Registry
  let box: Awaited<ReturnType<typeof clientSandbox>>
  let podmanArgs: string[]
  let image: string
  let imageId = ''
  let pushedDigest = ''
  const repo = 'proj/podman'

  const podman = (...args: string[]): Promise<RunResult> => runOk('podman', [...podmanArgs, ...args], { env: box.env })

  before(async () => {
    requireBinaries('podman', 'tar')
    box = await clientSandbox('podman')
    podmanArgs = [
      '--root', join(box.dir, 'storage'), '--runroot', join(box.dir, 'run'), '--storage-driver', 'vfs',
      '--cgroup-manager', 'cgroupfs', '--events-backend', 'file', '--tmpdir', join(box.dir, 'tmp'),
    ]
    await mkdir(join(box.dir, 'tmp'))
    // a small rootfs: a random payload (so the layer is unique to this run) and an os-release
    const rootfs = join(box.dir, 'rootfs')
    await mkdir(join(rootfs, 'etc'), { recursive: true })
    await writeFile(join(rootfs, 'etc', 'os-release'), 'ID=berth-e2e\n')
    await writeFile(join(rootfs, 'payload.bin'), randomBytes(256 << 10))
    await runOk('tar', ['-C', rootfs, '-cf', join(box.dir, 'rootfs.tar'), '.'])
    reg = await startTarget({ projects: ['proj'] })
    image = `${reg.host}/${repo}`
  })
  after(async () => {
    await reg?.close()
    await box?.cleanup()
  })

  test('podman import builds an image from a tarball', async () => {
    const r = await podman('import', '--quiet', '--change', 'CMD ["/payload.bin"]', '--message', 'berth e2e', join(box.dir, 'rootfs.tar'), `${image}:v1`)
    imageId = r.stdout.trim().replace(/^sha256:/, '')
    assert.match(imageId, /^[0-9a-f]{64}$/)
  })

  test('podman login --tls-verify=false', async () => {
    if (reg.creds) {
      // wrong credentials are refused, and nothing is stored in the auth file
      const bad = await run('podman', [...podmanArgs, 'login', '--tls-verify=false', '--username', 'admin', '--password', 'not-the-password', reg.host], { env: box.env })
      assert.notEqual(bad.code, 0, `a wrong password logged in: ${bad.stdout}${bad.stderr}`)
      assert.ok(!(await readFile(box.env.REGISTRY_AUTH_FILE!, 'utf8')).includes(reg.host), 'a refused login left credentials behind')
    }
    // distribution has no auth: any credentials are accepted by GET /v2/
    const [user, password] = reg.creds ? [reg.creds.slice(0, reg.creds.indexOf(':')), reg.creds.slice(reg.creds.indexOf(':') + 1)] : ['e2e', 'e2e-secret']
    const r = await podman('login', '--tls-verify=false', '--username', user, '--password', password, reg.host)
    assert.match(r.stdout + r.stderr, /Login Succeeded/i)
  })

  test('podman push', async () => {
    const digestFile = join(box.dir, 'push.digest')
    await podman('push', '--quiet', '--tls-verify=false', '--digestfile', digestFile, `${image}:v1`)
    pushedDigest = (await readFile(digestFile, 'utf8')).trim()
    assert.match(pushedDigest, /^sha256:[0-9a-f]{64}$/)
    const m = await getManifest(reg.url, repo, 'v1')
    assert.equal(m.status, 200, m.body)
    assert.equal(m.digest, pushedDigest)
    const parsed = JSON.parse(m.body) as { config: { digest: string } }
    assert.equal(parsed.config.digest, `sha256:${imageId}`, 'the pushed config is the local image')
  })

  test('podman rmi, then pull gives back the same image', async () => {
    await podman('rmi', '--force', `${image}:v1`)
    const gone = await run('podman', [...podmanArgs, 'image', 'exists', `${image}:v1`], { env: box.env })
    assert.equal(gone.code, 1, 'image removed locally')

    await podman('pull', '--quiet', '--tls-verify=false', `${image}:v1`)
    const r = await podman('image', 'inspect', '--format', '{{.Id}} {{json .RepoDigests}}', `${image}:v1`)
    const [id, digestsJson] = r.stdout.trim().split(' ', 2)
    assert.equal(id, imageId)
    assert.ok((JSON.parse(digestsJson ?? '[]') as string[]).includes(`${image}@${pushedDigest}`), r.stdout)
  })

  test('podman tag and push a second tag; GET tags/list lists both', async () => {
    await podman('tag', `${image}:v1`, `${image}:v2`)
    await podman('push', '--quiet', '--tls-verify=false', `${image}:v2`)
    const v2 = await getManifest(reg.url, repo, 'v2')
    assert.equal(v2.status, 200, v2.body)
    assert.equal(v2.digest, pushedDigest)

    const tags = await listTags(reg.url, repo)
    assert.equal(tags.status, 200, tags.body)
    assert.equal(tags.name, repo)
    assert.deepEqual([...(tags.tags ?? [])].sort(), ['v1', 'v2'])
  })

  test('podman logout', async () => {
    await podman('logout', reg.host)
    if (reg.creds) {
      // logged out, Berth refuses a pull from the private project
      await podman('rmi', '--force', `${image}:v1`)
      const r = await run('podman', [...podmanArgs, 'pull', '--quiet', '--tls-verify=false', `${image}:v1`], { env: box.env })
      assert.notEqual(r.code, 0, `pulled from a private project after logout: ${r.stdout}`)
    }
  })
})
