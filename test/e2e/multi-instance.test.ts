// Three `berth serve` processes on one PostgreSQL database, Redis prefix and S3 bucket, behind
// Debian's nginx running deploy/nginx.conf (test/helpers/cluster.ts). Any request may land on any
// instance: skopeo and podman push through nginx and pull from each instance directly, byte for
// byte; one chunked upload visits every instance; a role change and a login throttle made on one
// instance hold on the others at once; an instance killed with -9 in the middle of a push through
// nginx costs the client one retry and nothing else. Runs on the scale-out pass of `npm test`.
import { test, describe, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { request as httpRequest } from 'node:http'
import { join } from 'node:path'
import { ADMIN_AUTH, ADMIN_PASSWORD, createProject } from '../helpers/berth.js'
import { servicesAvailable, testBackend } from '../helpers/backend.js'
import { startCluster, type Cluster } from '../helpers/cluster.js'
import { fixtureDigests, layoutBlobDigests, readLayoutIndex, sha256, writeOciLayout, type LayoutFixture } from '../helpers/oci-layout.js'
import { clientSandbox, fetchBlobDigest, getManifest, requireBinaries, runOk, skopeo, type RunResult } from './clients.js'

const skip = testBackend !== 'scaleout' ? 'runs on the scale-out pass (BERTH_TEST_BACKEND=scaleout)'
  : !servicesAvailable ? 'needs the test services (BERTH_TEST_POSTGRES_URL …): run it with `npm test`'
  : false

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`
const MiB = 1024 * 1024

/** Bytes read by a process so far (sockets included): which instance is receiving an upload. */
async function bytesRead(pid: number): Promise<number> {
  const io = await readFile(`/proc/${pid}/io`, 'utf8')
  return Number(/^rchar:\s*(\d+)/m.exec(io)![1])
}

describe('three instances behind nginx on one PostgreSQL, Redis and S3', { skip }, () => {
  let cluster: Cluster
  let box: Awaited<ReturnType<typeof clientSandbox>>
  let fx: LayoutFixture
  const project = 'multi'
  const urls = () => cluster.instances.map((b) => b.url)

  before(async () => {
    requireBinaries('skopeo', 'podman', 'nginx', 'tar')
    box = await clientSandbox('multi')
    fx = await writeOciLayout(join(box.dir, 'src'), { layers: [1024, 2 * MiB, 12 * MiB], tag: 'v1' })
    cluster = await startCluster({ instances: 3, backend: 'scaleout' })
    await createProject(cluster.url, project)
    for (const host of [cluster.host, ...cluster.instances.map((b) => b.host)]) {
      await runOk('skopeo', ['login', '--tls-verify=false', '-u', 'admin', '-p', ADMIN_PASSWORD, host], { env: box.env })
    }
  })
  after(async () => {
    await cluster?.close()
    await box?.cleanup()
  })

  test('skopeo pushes through nginx; every instance serves the image byte for byte', async () => {
    const repo = `${project}/skopeo`
    await skopeo(box.env, 'copy', '--quiet', '--preserve-digests', '--dest-tls-verify=false', `oci:${fx.dir}:v1`, `docker://${cluster.host}/${repo}:v1`)
    for (const [i, b] of cluster.instances.entries()) {
      const m = await getManifest(b.url, repo, 'v1')
      assert.equal(m.status, 200, `instance ${i + 1}: ${m.body}`)
      assert.equal(sha256(m.body), fx.digest, `instance ${i + 1}: manifest bytes`)
      const out = join(box.dir, `skopeo-pull-${i}`)
      await skopeo(box.env, 'copy', '--quiet', '--preserve-digests', '--src-tls-verify=false', '--dest-oci-accept-uncompressed-layers', `docker://${b.host}/${repo}:v1`, `oci:${out}:v1`)
      const index = await readLayoutIndex(out)
      assert.equal(index.manifests[0]?.digest, fx.digest)
      const blobs = await layoutBlobDigests(out)
      assert.deepEqual([...blobs.keys()].sort(), fixtureDigests(fx), `instance ${i + 1}: the blobs`)
      for (const [name, actual] of blobs) assert.equal(actual, name, `instance ${i + 1}: blob ${name} content`)
    }
  })

  test('podman pushes through nginx; podman pulls the same image from each instance', async () => {
    const podmanArgs = ['--root', join(box.dir, 'storage'), '--runroot', join(box.dir, 'run'), '--storage-driver', 'vfs',
      '--cgroup-manager', 'cgroupfs', '--events-backend', 'file', '--tmpdir', join(box.dir, 'tmp')]
    const podman = (...args: string[]): Promise<RunResult> => runOk('podman', [...podmanArgs, ...args], { env: box.env })
    await mkdir(join(box.dir, 'tmp'), { recursive: true })
    const rootfs = join(box.dir, 'rootfs')
    await mkdir(rootfs, { recursive: true })
    await writeFile(join(rootfs, 'payload.bin'), randomBytes(3 * MiB))
    await runOk('tar', ['-C', rootfs, '-cf', join(box.dir, 'rootfs.tar'), '.'])
    const repo = `${project}/podman`
    const imageId = (await podman('import', '--quiet', join(box.dir, 'rootfs.tar'), `${cluster.host}/${repo}:v1`)).stdout.trim().replace(/^sha256:/, '')
    const digestFile = join(box.dir, 'podman.digest')
    await podman('push', '--quiet', '--tls-verify=false', '--digestfile', digestFile, `${cluster.host}/${repo}:v1`)
    const pushed = (await readFile(digestFile, 'utf8')).trim()
    for (const [i, b] of cluster.instances.entries()) {
      await podman('pull', '--quiet', '--tls-verify=false', `${b.host}/${repo}:v1`)
      const id = (await podman('image', 'inspect', '--format', '{{.Id}}', `${b.host}/${repo}:v1`)).stdout.trim()
      assert.equal(id, imageId, `instance ${i + 1}: image ID`)
      const m = await getManifest(b.url, repo, 'v1')
      assert.equal(m.digest, pushed, `instance ${i + 1}: manifest digest`)
    }
  })

  test('a chunked upload: POST, PATCHes and PUT each on a different instance', async () => {
    const repo = `${project}/chunked`
    // parts past S3's 5 MiB minimum part size, then a small last one in the PUT
    const parts = [randomBytes(6 * MiB), randomBytes(6 * MiB), randomBytes(MiB / 2)]
    const whole = Buffer.concat(parts)
    const digest = sha256(whole)
    const [a, b, c] = urls() as [string, string, string]
    const post = await fetch(`${a}/v2/${repo}/blobs/uploads/`, { method: 'POST', headers: { authorization: ADMIN_AUTH } })
    assert.equal(post.status, 202, await post.text())
    let location = post.headers.get('location')!
    let offset = 0
    for (const [i, base] of [b, c].entries()) {
      const res = await fetch(new URL(location, base), {
        method: 'PATCH', body: parts[i],
        headers: { authorization: ADMIN_AUTH, 'content-type': 'application/octet-stream', 'content-range': `${offset}-${offset + parts[i]!.length - 1}` },
      })
      assert.equal(res.status, 202, `PATCH ${i + 1}: ${await res.text()}`)
      offset += parts[i]!.length
      assert.equal(res.headers.get('range'), `0-${offset - 1}`)
      location = res.headers.get('location')!
    }
    const put = new URL(location, a)
    put.searchParams.set('digest', digest)
    const done = await fetch(put, { method: 'PUT', body: parts[2], headers: { authorization: ADMIN_AUTH, 'content-type': 'application/octet-stream', 'content-range': `${offset}-${whole.length - 1}` } })
    assert.equal(done.status, 201, await done.text())
    assert.equal(done.headers.get('docker-content-digest'), digest)
    for (const [i, base] of urls().entries()) {
      const got = await fetchBlobDigest(base, repo, digest)
      assert.deepEqual(got, { status: 200, digest, size: whole.length }, `instance ${i + 1}`)
    }
  })

  test('a role change made through one instance is enforced by the others on the next request', async () => {
    const [a, b, c] = urls() as [string, string, string]
    const username = 'multi-dev'
    const password = 'Multi12345x'
    const auth = basic(username, password)
    const json = { 'content-type': 'application/json', authorization: ADMIN_AUTH }
    const user = await fetch(`${a}/api/v2.0/users`, { method: 'POST', headers: json, body: JSON.stringify({ username, password, email: `${username}@example.com`, realname: username }) })
    assert.equal(user.status, 201, await user.text())
    const add = await fetch(`${b}/api/v2.0/projects/${project}/members`, { method: 'POST', headers: json, body: JSON.stringify({ role_id: 2, member_user: { username } }) })
    assert.equal(add.status, 201, await add.text())
    const memberId = add.headers.get('location')!.split('/').pop()!
    const startUpload = (base: string) => fetch(`${base}/v2/${project}/roles/blobs/uploads/`, { method: 'POST', headers: { authorization: auth } })
    // as a developer the user may push, on every instance (and each has now cached what it needs)
    for (const base of [a, b, c]) assert.equal((await startUpload(base)).status, 202, `developer push on ${base}`)

    const change = await fetch(`${a}/api/v2.0/projects/${project}/members/${memberId}`, { method: 'PUT', headers: json, body: JSON.stringify({ role_id: 3 }) })
    assert.equal(change.status, 200, await change.text())
    for (const base of [b, c]) {
      const res = await startUpload(base)
      assert.equal(res.status, 403, `a guest pushed through ${base}`)
      assert.equal((await res.json() as { errors: Array<{ code: string }> }).errors[0]!.code, 'DENIED')
      const token = await fetch(`${base}/service/token?service=harbor-registry&scope=repository:${project}/roles:pull,push`, { headers: { authorization: auth } })
      assert.equal(token.status, 200)
      const jwt = (await token.json() as { token: string }).token
      const claims = JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as { access: Array<{ actions: string[] }> }
      assert.deepEqual(claims.access.flatMap((x) => x.actions), ['pull'], `token from ${base}`)
    }
  })

  test('five failed logins spread over the instances throttle the user on all of them', async () => {
    const [a, b, c] = urls() as [string, string, string]
    const username = 'multi-throttled'
    const password = 'Multi12345x'
    const user = await fetch(`${a}/api/v2.0/users`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: ADMIN_AUTH },
      body: JSON.stringify({ username, password, email: `${username}@example.com`, realname: username }),
    })
    assert.equal(user.status, 201, await user.text())
    const login = (base: string, pw: string) => fetch(`${base}/v2/`, { headers: { authorization: basic(username, pw) } })
    // five failures, the free ones, each on another instance than the last: none is throttled alone
    for (const base of [a, b, c, a, b]) assert.equal((await login(base, 'Wrong12345x')).status, 401)
    // then the right password, on every instance at once: the sixth attempt is past the free
    // failures wherever it lands, so one of them takes the one slot and the others are refused;
    // with counters per instance (at most two failures each) all three would be let in
    const answers = await Promise.all([a, b, c].map((base) => login(base, password)))
    const statuses = answers.map((r) => r.status).sort()
    assert.deepEqual(statuses, [200, 429, 429], `statuses ${statuses}`)
    for (const r of answers.filter((x) => x.status === 429)) {
      assert.equal((await r.json() as { errors: Array<{ code: string }> }).errors[0]!.code, 'TOOMANYREQUESTS')
      assert.ok(Number(r.headers.get('retry-after')) >= 1)
    }
  })

  test('kill -9 of the instance receiving a push through nginx: the client retries, and nothing is torn or lost', async () => {
    const repo = `${project}/killed`
    const blob = randomBytes(64 * MiB)
    const digest = sha256(blob)
    const post = await fetch(`${cluster.url}/v2/${repo}/blobs/uploads/`, { method: 'POST', headers: { authorization: ADMIN_AUTH } })
    assert.equal(post.status, 202, await post.text())
    const location = post.headers.get('location')!
    const pids = cluster.instances.map((b) => b.child.pid!)
    const before = await Promise.all(pids.map(bytesRead))

    // one PATCH of the whole blob through nginx; half-way, the instance receiving it is killed
    let sent = 0
    let victim = -1
    const outcome = await new Promise<{ status?: number; error?: string }>((resolve) => {
      const req = httpRequest(new URL(location, cluster.url), {
        method: 'PATCH', agent: false,
        headers: { authorization: ADMIN_AUTH, 'content-type': 'application/octet-stream', 'content-length': blob.length, 'content-range': `0-${blob.length - 1}` },
      }, (res) => { res.resume(); res.on('end', () => resolve({ status: res.statusCode! })); res.on('error', (e) => resolve({ error: e.message })) })
      req.on('error', (e) => resolve({ error: e.message }))
      void (async () => {
        const write = async (end: number) => {
          while (sent < end && !req.destroyed) {
            const next = Math.min(end, sent + MiB)
            const ok = req.write(blob.subarray(sent, next))
            sent = next
            if (!ok) {
              await new Promise<void>((r) => {
                const done = () => { req.off('drain', done); req.off('close', done); r() }
                req.once('drain', done)
                req.once('close', done)
              })
            }
          }
        }
        await write(blob.length / 2)
        // the instance that has read most of what was sent so far is the one nginx chose
        for (let tries = 0; victim < 0 && tries < 400; tries++) {
          const deltas = await Promise.all(pids.map(async (p, i) => (await bytesRead(p)) - before[i]!))
          victim = deltas.findIndex((d) => d >= 16 * MiB)
          if (victim < 0) await new Promise((r) => setTimeout(r, 25))
        }
        if (victim >= 0) await cluster.instances[victim]!.kill('SIGKILL')
        await write(blob.length)
        req.end()
      })()
    })
    assert.ok(victim >= 0, 'no instance was seen receiving the upload')
    assert.notEqual(outcome.status, 202, 'the PATCH succeeded although its instance was killed')

    // the client's retry, as OCI clients resume: where does the upload stand? (another instance answers)
    const status = await fetch(new URL(location, cluster.url), { headers: { authorization: ADMIN_AUTH } })
    let resumeAt = 0
    let retryLocation = location
    if (status.status === 204) {
      const range = status.headers.get('range')
      const end = range ? Number(/^0-(\d+)$/.exec(range)![1]) : -1
      resumeAt = end + 1
      assert.ok(resumeAt <= sent, `the upload claims ${resumeAt} bytes, the client sent ${sent}`)
      retryLocation = status.headers.get('location') ?? location
    } else {
      // the session died with its instance: start again
      assert.equal(status.status, 404, await status.text())
      const again = await fetch(`${cluster.url}/v2/${repo}/blobs/uploads/`, { method: 'POST', headers: { authorization: ADMIN_AUTH } })
      assert.equal(again.status, 202)
      retryLocation = again.headers.get('location')!
    }
    if (resumeAt < blob.length) {
      const patchFrom = (at: number, loc: string) => fetch(new URL(loc, cluster.url), {
        method: 'PATCH', body: blob.subarray(at),
        headers: { authorization: ADMIN_AUTH, 'content-type': 'application/octet-stream', 'content-range': `${at}-${blob.length - 1}` },
      })
      let patch = await patchFrom(resumeAt, retryLocation)
      if (patch.status === 409) {
        // the dead instance's claim on the session still holds: start the blob again, as
        // skopeo's and podman's retries do (the session is reclaimed by upload purging)
        const again = await fetch(`${cluster.url}/v2/${repo}/blobs/uploads/`, { method: 'POST', headers: { authorization: ADMIN_AUTH } })
        assert.equal(again.status, 202)
        patch = await patchFrom(0, again.headers.get('location')!)
      }
      assert.equal(patch.status, 202, await patch.text())
      retryLocation = patch.headers.get('location')!
    }
    const put = new URL(retryLocation, cluster.url)
    put.searchParams.set('digest', digest)
    const done = await fetch(put, { method: 'PUT', headers: { authorization: ADMIN_AUTH } })
    assert.equal(done.status, 201, `the retried upload does not verify: ${await done.text()}`)

    // every instance, the killed one restarted too, serves the blob and the earlier images whole
    await cluster.restart(victim)
    for (const [i, base] of urls().entries()) {
      assert.deepEqual(await fetchBlobDigest(base, repo, digest), { status: 200, digest, size: blob.length }, `instance ${i + 1}: the retried blob`)
      const m = await getManifest(base, `${project}/skopeo`, 'v1')
      assert.equal(sha256(m.body), fx.digest, `instance ${i + 1}: the earlier image`)
      for (const l of fx.images[0]!.layers) {
        assert.deepEqual(await fetchBlobDigest(base, `${project}/skopeo`, l.digest), { status: 200, digest: l.digest, size: l.size }, `instance ${i + 1}: layer ${l.digest}`)
      }
    }
    // and nginx sends requests to all three again
    const seen = await Promise.all(Array.from({ length: 6 }, () => fetch(`${cluster.url}/v2/`, { headers: { authorization: ADMIN_AUTH } })))
    assert.deepEqual(seen.map((r) => r.status), [200, 200, 200, 200, 200, 200])
  })
})

