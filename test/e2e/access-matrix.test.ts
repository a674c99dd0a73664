// Harbor's role matrix on /v2 with real clients: a private project `secret` with a developer,
// a guest, a maintainer and a limited guest, a public project `open`, a signed-in non-member and
// anonymous callers. podman (login, push, pull) and skopeo (--creds) must be let in or refused as
// Harbor would, and a refused push must leave tags and manifests exactly as they were. Then the
// token flow over HTTP: scope narrowing, a token never opens another repository, and tampered,
// expired or foreign tokens are refused; and a pull-only robot account. Berth only (distribution
// has no roles).
import { test, describe, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { createPrivateKey, randomBytes } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { SignJWT } from 'jose'
import { ADMIN_AUTH, ADMIN_PASSWORD, createProject, startBerth, type RunningBerth } from '../helpers/berth.js'
import { writeOciLayout, type LayoutFixture } from '../helpers/oci-layout.js'
import { clientSandbox, getManifest, listTags, requireBinaries, run, runOk, type RunResult } from './clients.js'

const PASSWORD = 'Matrix2026pw'
const basic = (user: string, password = PASSWORD) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`

/** Harbor's project role ids. */
const ROLE = { developer: 2, guest: 3, maintainer: 4, limitedGuest: 5 } as const
const MEMBERS = { dev: ROLE.developer, guest1: ROLE.guest, maint: ROLE.maintainer, limited: ROLE.limitedGuest } as const
const USERS = [...Object.keys(MEMBERS), 'outsider']

/** What a client prints when the registry refused it for want of rights (401 or 403). */
const REFUSED = /denied|unauthori[sz]ed|authentication required|insufficient|forbidden|401|403/i

function assertRefused(r: RunResult, what: string): void {
  assert.notEqual(r.code, 0, `${what} should have been refused, but succeeded:\n${r.stdout}\n${r.stderr}`)
  assert.match(r.stderr + r.stdout, REFUSED, `${what} failed, but not for want of rights:\n${r.stderr}`)
}

async function adminPost(base: string, path: string, body: unknown): Promise<void> {
  const res = await fetch(`${base}/api/v2.0${path}`, {
    method: 'POST',
    headers: { authorization: ADMIN_AUTH, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  assert.equal(res.status, 201, `POST ${path}: ${res.status} ${await res.text()}`)
}

/** Everything a push could change in a repository, as the admin sees it: its tags and what each names. */
async function snapshot(base: string, repo: string): Promise<unknown> {
  const tags = await listTags(base, repo, { auth: ADMIN_AUTH })
  if (tags.status !== 200) return { status: tags.status }
  const manifests: Record<string, string | null> = {}
  for (const tag of [...(tags.tags ?? [])].sort()) {
    const m = await getManifest(base, repo, tag, { auth: ADMIN_AUTH })
    assert.equal(m.status, 200, `${repo}:${tag} as admin`)
    manifests[tag] = m.digest
  }
  return { status: 200, manifests }
}

const decodePart = (part: string): Record<string, unknown> => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>

describe('role matrix on /v2 with podman and skopeo', () => {
  let berth: RunningBerth
  let box: Awaited<ReturnType<typeof clientSandbox>>
  let fx: LayoutFixture
  let other: LayoutFixture
  let podmanArgs: string[]
  let seeded = ''

  /** podman with a shared local storage and `user`'s own auth file (null: anonymous, an empty one). */
  const podman = (user: string | null, ...args: string[]): Promise<RunResult> =>
    run('podman', [...podmanArgs, ...args], { env: { ...box.env, REGISTRY_AUTH_FILE: join(box.dir, `auth-${user ?? 'anonymous'}.json`) } })
  const podmanOk = async (user: string | null, ...args: string[]): Promise<RunResult> => {
    const r = await podman(user, ...args)
    assert.equal(r.code, 0, `podman ${args.join(' ')} as ${user ?? 'anonymous'}:\n${r.stderr}`)
    return r
  }
  /** skopeo copy with `user`'s --creds on the registry side (null: --*-no-creds). */
  const skopeoCopy = (user: string | null, side: 'src' | 'dest', from: string, to: string): Promise<RunResult> => {
    const password = user === 'admin' ? ADMIN_PASSWORD : PASSWORD
    const creds = user === null ? [`--${side}-no-creds`] : [`--${side}-creds`, `${user}:${password}`]
    const tls = side === 'src' ? '--src-tls-verify=false' : '--dest-tls-verify=false'
    return run('skopeo', ['copy', '--quiet', '--preserve-digests', tls, ...creds, from, to], { env: box.env })
  }
  const ref = (repoTag: string) => `docker://${berth.host}/${repoTag}`
  const image = (repoTag: string) => `${berth.host}/${repoTag}`

  /** A fresh local podman image with a random layer, so its push uploads new blobs. */
  async function importImage(tagged: string): Promise<void> {
    const rootfs = join(box.dir, `rootfs-${randomBytes(4).toString('hex')}`)
    await mkdir(rootfs)
    await writeFile(join(rootfs, 'payload.bin'), randomBytes(64 << 10))
    await runOk('tar', ['-C', rootfs, '-cf', `${rootfs}.tar`, '.'])
    await podmanOk(null, 'import', '--quiet', `${rootfs}.tar`, image(tagged))
  }

  before(async () => {
    requireBinaries('skopeo', 'podman', 'tar')
    box = await clientSandbox('access')
    podmanArgs = [
      '--root', join(box.dir, 'storage'), '--runroot', join(box.dir, 'run'), '--storage-driver', 'vfs',
      '--cgroup-manager', 'cgroupfs', '--events-backend', 'file', '--tmpdir', join(box.dir, 'tmp'),
    ]
    await mkdir(join(box.dir, 'tmp'))
    for (const u of [...USERS, 'anonymous']) await writeFile(join(box.dir, `auth-${u}.json`), '{"auths":{}}\n')
    fx = await writeOciLayout(join(box.dir, 'fx'), { layers: [1024, 32 << 10], tag: 'v1' })
    other = await writeOciLayout(join(box.dir, 'other'), { layers: [2048], tag: 'v1' })

    berth = await startBerth()
    await createProject(berth.url, 'secret', { public: false })
    await createProject(berth.url, 'open', { public: true })
    for (const username of USERS) {
      await adminPost(berth.url, '/users', { username, email: `${username}@example.com`, realname: username, password: PASSWORD })
    }
    for (const [username, role_id] of Object.entries(MEMBERS)) {
      await adminPost(berth.url, '/projects/secret/members', { role_id, member_user: { username } })
    }
    // the admin seeds both projects
    for (const target of ['secret/app:v1', 'open/app2:v1']) {
      const r = await skopeoCopy('admin', 'dest', `oci:${fx.dir}:v1`, ref(target))
      assert.equal(r.code, 0, `seeding ${target} as admin: ${r.stderr}`)
    }
    const m = await getManifest(berth.url, 'secret/app', 'v1', { auth: ADMIN_AUTH })
    assert.equal(m.status, 200, m.body)
    seeded = m.digest ?? ''
    assert.equal(seeded, fx.digest)
  })
  after(async () => {
    await berth?.close()
    await box?.cleanup()
  })

  test('developer: podman login, push and pull in the private project; skopeo pulls', async () => {
    const login = await podmanOk('dev', 'login', '--tls-verify=false', '-u', 'dev', '-p', PASSWORD, berth.host)
    assert.match(login.stdout + login.stderr, /Login Succeeded/i)

    await importImage('secret/app:dev')
    const digestFile = join(box.dir, 'dev.digest')
    await podmanOk('dev', 'push', '--quiet', '--tls-verify=false', '--digestfile', digestFile, image('secret/app:dev'))
    const pushed = (await readFile(digestFile, 'utf8')).trim()
    const m = await getManifest(berth.url, 'secret/app', 'dev', { auth: ADMIN_AUTH })
    assert.equal(m.status, 200, m.body)
    assert.equal(m.digest, pushed)

    await podmanOk('dev', 'rmi', '--force', image('secret/app:dev'))
    await podmanOk('dev', 'pull', '--quiet', '--tls-verify=false', image('secret/app:dev'))
    await podmanOk('dev', 'image', 'exists', image('secret/app:dev'))

    const r = await skopeoCopy('dev', 'src', ref('secret/app:v1'), `oci:${join(box.dir, 'dev-out')}:v1`)
    assert.equal(r.code, 0, r.stderr)
  })

  test('maintainer: skopeo pushes and pulls in the private project', async () => {
    const push = await skopeoCopy('maint', 'dest', `oci:${other.dir}:v1`, ref('secret/maint:v1'))
    assert.equal(push.code, 0, push.stderr)
    const m = await getManifest(berth.url, 'secret/maint', 'v1', { auth: ADMIN_AUTH })
    assert.equal(m.status, 200, m.body)
    assert.equal(m.digest, other.digest)
    const pull = await skopeoCopy('maint', 'src', ref('secret/app:v1'), `oci:${join(box.dir, 'maint-out')}:v1`)
    assert.equal(pull.code, 0, pull.stderr)
  })

  test('guest: pulls with podman and skopeo, but every push is refused and changes nothing', async () => {
    await podmanOk('guest1', 'login', '--tls-verify=false', '-u', 'guest1', '-p', PASSWORD, berth.host)
    await podmanOk('guest1', 'pull', '--quiet', '--tls-verify=false', image('secret/app:v1'))
    const pull = await skopeoCopy('guest1', 'src', ref('secret/app:v1'), `oci:${join(box.dir, 'guest-out')}:v1`)
    assert.equal(pull.code, 0, pull.stderr)

    const before = await snapshot(berth.url, 'secret/app')
    // a manifest PUT whose blobs are all there already (the developer pushed them)
    await podmanOk('guest1', 'tag', image('secret/app:v1'), image('secret/app:guest'))
    assertRefused(await podman('guest1', 'push', '--quiet', '--tls-verify=false', image('secret/app:guest')), 'podman push as guest')
    // new blobs, and an attempt to move an existing tag
    assertRefused(await skopeoCopy('guest1', 'dest', `oci:${other.dir}:v1`, ref('secret/app:v1')), 'skopeo push over secret/app:v1 as guest')
    assertRefused(await skopeoCopy('guest1', 'dest', `oci:${other.dir}:v1`, ref('secret/guest-new:v1')), 'skopeo push to a new repository as guest')

    assert.deepEqual(await snapshot(berth.url, 'secret/app'), before)
    assert.deepEqual(await snapshot(berth.url, 'secret/guest-new'), { status: 404 })
    const head = await fetch(`${berth.url}/v2/secret/app/blobs/${other.images[0]!.layers[0]!.digest}`, { method: 'HEAD', headers: { authorization: ADMIN_AUTH } })
    assert.equal(head.status, 404, 'no blob of the refused push is readable')
  })

  test('limited guest: pulls with skopeo and podman; a push is refused', async () => {
    const pull = await skopeoCopy('limited', 'src', ref('secret/app:v1'), `oci:${join(box.dir, 'limited-out')}:v1`)
    assert.equal(pull.code, 0, pull.stderr)
    await podmanOk('limited', 'login', '--tls-verify=false', '-u', 'limited', '-p', PASSWORD, berth.host)
    await podmanOk('limited', 'pull', '--quiet', '--tls-verify=false', image('secret/app:v1'))

    const before = await snapshot(berth.url, 'secret/app')
    assertRefused(await skopeoCopy('limited', 'dest', `oci:${other.dir}:v1`, ref('secret/app:limited')), 'skopeo push as limited guest')
    assert.deepEqual(await snapshot(berth.url, 'secret/app'), before)
  })

  test('non-member: neither pull nor push in the private project; pulls from the public one', async () => {
    assertRefused(await skopeoCopy('outsider', 'src', ref('secret/app:v1'), `oci:${join(box.dir, 'outsider-secret')}:v1`), 'skopeo pull from secret as non-member')
    await podmanOk('outsider', 'login', '--tls-verify=false', '-u', 'outsider', '-p', PASSWORD, berth.host)
    await podmanOk('outsider', 'rmi', '--force', '--ignore', image('secret/app:v1'))
    assertRefused(await podman('outsider', 'pull', '--quiet', '--tls-verify=false', image('secret/app:v1')), 'podman pull from secret as non-member')

    const pull = await skopeoCopy('outsider', 'src', ref('open/app2:v1'), `oci:${join(box.dir, 'outsider-open')}:v1`)
    assert.equal(pull.code, 0, pull.stderr)
    await podmanOk('outsider', 'pull', '--quiet', '--tls-verify=false', image('open/app2:v1'))

    const secretBefore = await snapshot(berth.url, 'secret/app')
    const openBefore = await snapshot(berth.url, 'open/app2')
    assertRefused(await skopeoCopy('outsider', 'dest', `oci:${other.dir}:v1`, ref('secret/app:v1')), 'skopeo push to secret as non-member')
    assertRefused(await skopeoCopy('outsider', 'dest', `oci:${other.dir}:v1`, ref('open/app2:v1')), 'skopeo push to a public project as non-member')
    await podmanOk('outsider', 'tag', image('open/app2:v1'), image('open/app2:outsider'))
    assertRefused(await podman('outsider', 'push', '--quiet', '--tls-verify=false', image('open/app2:outsider')), 'podman push to a public project as non-member')
    assert.deepEqual(await snapshot(berth.url, 'secret/app'), secretBefore)
    assert.deepEqual(await snapshot(berth.url, 'open/app2'), openBefore)
  })

  test('anonymous: pulls from the public project only, and pushes nowhere', async () => {
    const pull = await skopeoCopy(null, 'src', ref('open/app2:v1'), `oci:${join(box.dir, 'anon-open')}:v1`)
    assert.equal(pull.code, 0, pull.stderr)
    await podmanOk(null, 'rmi', '--force', '--ignore', image('open/app2:v1'))
    await podmanOk(null, 'pull', '--quiet', '--tls-verify=false', image('open/app2:v1'))

    assertRefused(await skopeoCopy(null, 'src', ref('secret/app:v1'), `oci:${join(box.dir, 'anon-secret')}:v1`), 'anonymous skopeo pull from secret')
    await podmanOk(null, 'rmi', '--force', '--ignore', image('secret/app:v1'))
    assertRefused(await podman(null, 'pull', '--quiet', '--tls-verify=false', image('secret/app:v1')), 'anonymous podman pull from secret')

    const secretBefore = await snapshot(berth.url, 'secret/app')
    const openBefore = await snapshot(berth.url, 'open/app2')
    assertRefused(await skopeoCopy(null, 'dest', `oci:${other.dir}:v1`, ref('open/app2:v1')), 'anonymous push to a public project')
    assertRefused(await skopeoCopy(null, 'dest', `oci:${other.dir}:v1`, ref('secret/app:anon')), 'anonymous push to a private project')
    await podmanOk(null, 'tag', image('open/app2:v1'), image('open/app2:anon'))
    assertRefused(await podman(null, 'push', '--quiet', '--tls-verify=false', image('open/app2:anon')), 'anonymous podman push')
    assert.deepEqual(await snapshot(berth.url, 'secret/app'), secretBefore)
    assert.deepEqual(await snapshot(berth.url, 'open/app2'), openBefore)

    // over HTTP: the private manifest is a 401 with the Bearer challenge, not a 404 that would leak it
    const res = await fetch(`${berth.url}/v2/secret/app/manifests/v1`)
    assert.equal(res.status, 401)
    assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer realm="[^"]+\/service\/token",service="[^"]+",scope="repository:secret\/app:pull"/)
  })

  test('robot with pull only on secret: podman logs in and pulls; pushes are refused', async () => {
    const res = await fetch(`${berth.url}/api/v2.0/robots`, {
      method: 'POST',
      headers: { authorization: ADMIN_AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'reader', level: 'project', duration: -1,
        permissions: [{ kind: 'project', namespace: 'secret', access: [{ resource: 'repository', action: 'pull' }] }],
      }),
    })
    const body = await res.text()
    assert.equal(res.status, 201, body)
    const { name, secret } = JSON.parse(body) as { name: string; secret: string }
    assert.equal(name, 'robot$secret+reader')

    await writeFile(join(box.dir, 'auth-robot.json'), '{"auths":{}}\n')
    const login = await podmanOk('robot', 'login', '--tls-verify=false', '-u', name, '-p', secret, berth.host)
    assert.match(login.stdout + login.stderr, /Login Succeeded/i)
    await podmanOk('robot', 'rmi', '--force', '--ignore', image('secret/app:v1'))
    await podmanOk('robot', 'pull', '--quiet', '--tls-verify=false', image('secret/app:v1'))

    const secretBefore = await snapshot(berth.url, 'secret/app')
    const openBefore = await snapshot(berth.url, 'open/app2')
    await podmanOk('robot', 'tag', image('secret/app:v1'), image('secret/app:robot'))
    assertRefused(await podman('robot', 'push', '--quiet', '--tls-verify=false', image('secret/app:robot')), 'podman push by a pull-only robot')
    const skopeoPush = await run('skopeo', ['copy', '--quiet', '--dest-tls-verify=false', '--dest-creds', `${name}:${secret}`, `oci:${other.dir}:v1`, ref('open/app2:robot')], { env: box.env })
    assertRefused(skopeoPush, 'skopeo push by a robot into a project it has no permission in')
    assert.deepEqual(await snapshot(berth.url, 'secret/app'), secretBefore)
    assert.deepEqual(await snapshot(berth.url, 'open/app2'), openBefore)
  })

  describe('token flow', () => {
    let realm = ''
    let service = ''

    async function token(base: string, scope: string, authorization?: string): Promise<string> {
      const res = await fetch(`${base}/service/token?service=${encodeURIComponent(service)}&scope=${encodeURIComponent(scope)}`, {
        headers: authorization ? { authorization } : {},
      })
      const body = await res.text()
      assert.equal(res.status, 200, body)
      const parsed = JSON.parse(body) as { token: string; access_token: string; expires_in: number }
      assert.equal(parsed.access_token, parsed.token)
      assert.ok(parsed.expires_in > 0)
      return parsed.token
    }
    const bearer = (t: string) => ({ authorization: `Bearer ${t}` })
    const manifestWith = async (t: string, repo: string, ref = 'v1') =>
      (await fetch(`${berth.url}/v2/${repo}/manifests/${ref}`, { headers: { ...bearer(t), accept: 'application/vnd.oci.image.manifest.v1+json' } })).status

    before(async () => {
      const res = await fetch(`${berth.url}/v2/`)
      assert.equal(res.status, 401)
      const challenge = res.headers.get('www-authenticate') ?? ''
      realm = /realm="([^"]+)"/.exec(challenge)?.[1] ?? ''
      service = /service="([^"]+)"/.exec(challenge)?.[1] ?? ''
      assert.equal(realm, `${berth.url}/service/token`)
      assert.ok(service, challenge)
    })

    test('a guest asking for pull,push on secret/app gets pull only', async () => {
      const t = await token(berth.url, 'repository:secret/app:pull,push', basic('guest1'))
      const payload = decodePart(t.split('.')[1]!)
      assert.deepEqual(payload.access, [{ type: 'repository', name: 'secret/app', actions: ['pull'] }])
      assert.equal(payload.sub, 'guest1')
      assert.equal(payload.aud, service)
      assert.ok(typeof payload.exp === 'number' && payload.exp > Date.now() / 1000)
    })

    test('the token opens secret/app for pull, and nothing else', async () => {
      const t = await token(berth.url, 'repository:secret/app:pull,push', basic('guest1'))
      assert.equal(await manifestWith(t, 'secret/app'), 200)
      // no push on it
      const post = await fetch(`${berth.url}/v2/secret/app/blobs/uploads/`, { method: 'POST', headers: bearer(t) })
      assert.equal(post.status, 401)
      assert.match(post.headers.get('www-authenticate') ?? '', /error="insufficient_scope"/)
      // not another repository, not even a public one anyone may pull from
      assert.equal(await manifestWith(t, 'open/app2'), 401)
      assert.equal(await manifestWith(t, 'secret/maint'), 401)
      assert.equal(await manifestWith(t, 'secret/app/sub'), 401)
      assert.equal((await fetch(`${berth.url}/v2/_catalog`, { headers: bearer(t) })).status, 401)
      // a token for the public repository opens that one only
      const open = await token(berth.url, 'repository:open/app2:pull', basic('outsider'))
      assert.equal(await manifestWith(open, 'open/app2'), 200)
      assert.equal(await manifestWith(open, 'secret/app'), 401)
    })

    test('an anonymous token pulls from the public project only', async () => {
      const t = await token(berth.url, 'repository:open/app2:pull,push')
      assert.deepEqual(decodePart(t.split('.')[1]!).access, [{ type: 'repository', name: 'open/app2', actions: ['pull'] }])
      assert.equal(await manifestWith(t, 'open/app2'), 200)
      const s = await token(berth.url, 'repository:secret/app:pull')
      assert.deepEqual(decodePart(s.split('.')[1]!).access, [{ type: 'repository', name: 'secret/app', actions: [] }])
      assert.equal(await manifestWith(s, 'secret/app'), 401)
    })

    test('a tampered token is refused: a flipped signature byte, or a payload with a later exp', async () => {
      const t = await token(berth.url, 'repository:secret/app:pull', basic('dev'))
      assert.equal(await manifestWith(t, 'secret/app'), 200)
      const before = await snapshot(berth.url, 'secret/app')
      const [header, payload, signature] = t.split('.') as [string, string, string]
      const sig = Buffer.from(signature, 'base64url')
      sig[0] = sig[0]! ^ 0x01
      assert.equal(await manifestWith(`${header}.${payload}.${sig.toString('base64url')}`, 'secret/app'), 401)
      const claims = decodePart(payload)
      const later = Buffer.from(JSON.stringify({ ...claims, exp: (claims.exp as number) + 86_400 })).toString('base64url')
      assert.equal(await manifestWith(`${header}.${later}.${signature}`, 'secret/app'), 401)
      const wider = Buffer.from(JSON.stringify({ ...claims, access: [{ type: 'repository', name: 'secret/app', actions: ['pull', 'push'] }] })).toString('base64url')
      const put = await fetch(`${berth.url}/v2/secret/app/blobs/uploads/`, { method: 'POST', headers: bearer(`${header}.${wider}.${signature}`) })
      assert.equal(put.status, 401)
      assert.deepEqual(await snapshot(berth.url, 'secret/app'), before)
    })

    test('an expired token is refused, though signed with the server\'s own key', async () => {
      const t = await token(berth.url, 'repository:secret/app:pull', basic('dev'))
      const header = decodePart(t.split('.')[0]!) as { alg: string; kid?: string; typ?: string }
      const claims = decodePart(t.split('.')[1]!)
      const key = createPrivateKey(await readFile(join(berth.dataDir, 'token-key.pem')))
      const now = Math.floor(Date.now() / 1000)
      const sign = (iat: number, exp: number) => new SignJWT({ ...claims, iat, nbf: iat - 1, exp }).setProtectedHeader(header).sign(key)
      // the same claims re-signed and still valid are accepted: the refusal below is the expiry
      assert.equal(await manifestWith(await sign(now - 60, now + 600), 'secret/app'), 200)
      assert.equal(await manifestWith(await sign(now - 3600, now - 60), 'secret/app'), 401)
    })

    test('a token issued by another Berth (another key) is refused', async () => {
      const elsewhere = await startBerth()
      try {
        await createProject(elsewhere.url, 'secret')
        const foreign = await token(elsewhere.url, 'repository:secret/app:pull', ADMIN_AUTH)
        assert.deepEqual(decodePart(foreign.split('.')[1]!).access, [{ type: 'repository', name: 'secret/app', actions: ['pull'] }])
        // valid where it was issued (the repository is merely empty there)…
        const there = await fetch(`${elsewhere.url}/v2/secret/app/manifests/v1`, { headers: bearer(foreign) })
        assert.equal(there.status, 404)
        // …and refused here
        assert.equal(await manifestWith(foreign, 'secret/app'), 401)
      } finally {
        await elsewhere.close()
      }
    })
  })
})
