// The data directory is Berth's alone: the database (password hashes, tokens) and its WAL files,
// blobs of private projects, uploads, the token key and the generated admin password are 0600 in
// 0700 directories, whatever the umask; a data directory left world-readable by an older version
// is closed at the next start.
import { test, describe, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { chmodSync, lstatSync, readdirSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ADMIN_AUTH, startBerth, type RunningBerth } from '../helpers/berth.js'

/** Every path under `root` (root included) whose mode lets anyone but the owner in, with its mode. */
function openEntries(root: string): string[] {
  const found: string[] = []
  const visit = (path: string) => {
    const st = lstatSync(path)
    if ((st.mode & 0o077) !== 0) found.push(`${path.slice(root.length) || '/'} ${(st.mode & 0o777).toString(8)}`)
    if (st.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name))
  }
  visit(root)
  return found
}

function allEntries(root: string): string[] {
  const out: string[] = []
  const visit = (path: string) => {
    out.push(path.slice(root.length) || '/')
    if (lstatSync(path).isDirectory()) for (const name of readdirSync(path)) visit(join(path, name))
  }
  visit(root)
  return out
}

/** What an older version left: every directory 0755, every file 0644. */
function openUp(root: string) {
  const visit = (path: string) => {
    const st = lstatSync(path)
    chmodSync(path, st.isDirectory() ? 0o755 : 0o644)
    if (st.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name))
  }
  visit(root)
}

async function pushPrivateImage(b: RunningBerth, auth: string): Promise<void> {
  await createProjectAs(b, auth, 'secret')
  const layer = Buffer.from('private layer bytes')
  const config = Buffer.from('{"architecture":"amd64","os":"linux"}')
  const blob = async (data: Buffer) => {
    const digest = `sha256:${createHash('sha256').update(data).digest('hex')}`
    // chunked: POST, PATCH, PUT, so the upload area is used too
    const start = await fetch(`${b.url}/v2/secret/app/blobs/uploads/`, { method: 'POST', headers: { authorization: auth } })
    assert.equal(start.status, 202)
    const location = new URL(start.headers.get('location')!, b.url)
    const patch = await fetch(location, { method: 'PATCH', headers: { authorization: auth, 'content-type': 'application/octet-stream' }, body: data })
    assert.equal(patch.status, 202)
    const put = await fetch(`${new URL(patch.headers.get('location')!, b.url)}?digest=${digest}`, { method: 'PUT', headers: { authorization: auth } })
    assert.equal(put.status, 201, await put.text())
    return { digest, size: data.length }
  }
  const l = await blob(layer)
  const c = await blob(config)
  const manifest = {
    schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...c },
    layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar', ...l }],
  }
  const res = await fetch(`${b.url}/v2/secret/app/manifests/v1`, {
    method: 'PUT', headers: { authorization: auth, 'content-type': manifest.mediaType }, body: JSON.stringify(manifest),
  })
  assert.equal(res.status, 201, await res.text())
  // and one upload left open with a chunk in it, so its file is in the upload area
  const open = await fetch(`${b.url}/v2/secret/app/blobs/uploads/`, { method: 'POST', headers: { authorization: auth } })
  assert.equal(open.status, 202)
  const chunk = await fetch(new URL(open.headers.get('location')!, b.url), { method: 'PATCH', headers: { authorization: auth, 'content-type': 'application/octet-stream' }, body: 'partial' })
  assert.equal(chunk.status, 202)
}

async function createProjectAs(b: RunningBerth, auth: string, name: string) {
  const res = await fetch(`${b.url}/api/v2.0/projects`, {
    method: 'POST', headers: { authorization: auth, 'content-type': 'application/json' },
    body: JSON.stringify({ project_name: name, metadata: { public: 'false' } }),
  })
  assert.equal(res.status, 201, await res.text())
}

describe('data directory modes', () => {
  let savedUmask: number
  before(() => {
    // With umask 0, a file created without an explicit mode would be 0644 or 0666: nothing relies on the umask.
    savedUmask = process.umask(0)
  })
  after(() => { process.umask(savedUmask) })

  test('a fresh data dir: after a push, every directory is 0700 and every file 0600, WAL files included', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'berth-modes-'))
    chmodSync(dataDir, 0o755) // as an operator's pre-made volume often is
    // no configured admin password: Berth generates one and writes it to the data dir
    const b = await startBerth({ dataDir, config: { harbor_admin_password: undefined } })
    try {
      const password = readFileSync(join(dataDir, 'admin-initial-password'), 'utf8').trim()
      const auth = `Basic ${Buffer.from(`admin:${password}`).toString('base64')}`
      await pushPrivateImage(b, auth)
      const entries = allEntries(dataDir)
      // what lives in the data dir depends on the backend: the database and blobs may be elsewhere
      const sqliteFiles = b.deps.config.database.type === 'sqlite' ? ['/berth.db', '/berth.db-wal', '/berth.db-shm'] : []
      const onDisk = b.deps.config.storage.type === 'filesystem'
      const blobDirs = onDisk ? ['/registry/uploads', '/registry/tmp', '/registry/blobs/sha256'] : []
      for (const expected of [...sqliteFiles, '/token-key.pem', '/admin-initial-password', ...blobDirs]) {
        assert.ok(entries.includes(expected), `${expected} exists (entries: ${entries.join(', ')})`)
      }
      if (onDisk) {
        assert.ok(entries.filter((e) => e.startsWith('/registry/blobs/sha256/')).length >= 6, 'blobs were written')
        assert.ok(entries.some((e) => /^\/registry\/uploads\/[0-9a-f-]{36}$/.test(e)), 'an upload is open')
      }
      assert.deepEqual(openEntries(dataDir), [])
    } finally {
      await b.close()
      await rm(dataDir, { recursive: true, force: true })
    }
  })

  test('a data dir an older version left 0755/0644 is made private at start, and still works', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'berth-modes-'))
    try {
      const first = await startBerth({ dataDir })
      await pushPrivateImage(first, ADMIN_AUTH)
      await first.close()
      openUp(dataDir)
      assert.notDeepEqual(openEntries(dataDir), [])

      const second = await startBerth({ dataDir })
      try {
        assert.deepEqual(openEntries(dataDir), [])
        const res = await fetch(`${second.url}/v2/secret/app/manifests/v1`, {
          headers: { authorization: ADMIN_AUTH, accept: 'application/vnd.oci.image.manifest.v1+json' },
        })
        assert.equal(res.status, 200)
      } finally {
        await second.close()
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true })
    }
  })
})
