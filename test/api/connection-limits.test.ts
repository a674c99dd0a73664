// What one client may hold (issue 6, finding 5): a request whose body stalls, or whose headers
// never end, is cut after http.idle_timeout / http.headers_timeout, while a body that keeps moving
// is never cut however long it takes; and one client address holds at most
// http.max_connections_per_client connections (a trusted proxy is not counted); and one user holds
// at most registry.upload_sessions open upload sessions, counted from the database.
// The timeouts here are real time by nature: the tests use small ones (1 s) so they run quickly.
import { test, describe, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { createHash, randomUUID } from 'node:crypto'
import { connect, type Socket } from 'node:net'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ADMIN_AUTH, startBerth, type RunningBerth } from '../helpers/berth.js'
import { addMember, makeUser } from '../helpers/api-client.js'

const IDLE_SECONDS = 1

type Exchange = { socket: Socket; received: () => string; closed: Promise<void> }

/** A raw connection: what the server sent, and a promise that settles when it closes. */
async function open(b: RunningBerth): Promise<Exchange> {
  const [host, port] = b.host.split(':') as [string, string]
  const socket = connect(Number(port), host)
  let data = ''
  socket.setEncoding('latin1')
  socket.on('data', (d: string) => { data += d })
  socket.on('error', () => {})
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()))
  await new Promise<void>((resolve, reject) => { socket.once('connect', resolve); socket.once('error', reject) })
  return { socket, received: () => data, closed }
}

/** Writes `chunks` one every `everyMs`: a client on a slow link, not a synchronisation. */
async function trickle(socket: Socket, chunks: Buffer[], everyMs: number): Promise<void> {
  for (const chunk of chunks) {
    await new Promise((r) => setTimeout(r, everyMs))
    socket.write(chunk)
  }
}

function split(data: Buffer, parts: number): Buffer[] {
  const size = Math.ceil(data.length / parts)
  const out: Buffer[] = []
  for (let i = 0; i < data.length; i += size) out.push(data.subarray(i, i + size))
  return out
}

/** Reads one HTTP response off `x` (Content-Length bodies only): resolves with its status. */
function statusOf(x: Exchange): Promise<number> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const text = x.received()
      const end = text.indexOf('\r\n\r\n')
      if (end < 0) return false
      const length = Number(/\r\ncontent-length: *(\d+)/i.exec(text.slice(0, end))?.[1] ?? 0)
      if (text.length < end + 4 + length) return false
      resolve(Number(text.slice(9, 12)))
      return true
    }
    if (check()) return
    const onData = () => { if (check()) x.socket.off('data', onData) }
    x.socket.on('data', onData)
    x.closed.then(() => { if (!check()) reject(new Error(`closed before a whole response: ${JSON.stringify(x.received())}`)) })
  })
}

describe('inactivity timeouts', () => {
  let b: RunningBerth
  before(async () => { b = await startBerth({ config: { http: { idle_timeout: IDLE_SECONDS, headers_timeout: 2 } } }) })
  after(async () => { await b?.close() })

  // An anonymous client declares a body, sends a few bytes of it, and then nothing.
  const stalled: Array<[string, string, string]> = [
    ['POST /api/v2.0/projects', 'POST /api/v2.0/projects HTTP/1.1', 'content-type: application/json'],
    ['POST /c/login', 'POST /c/login HTTP/1.1', 'content-type: application/x-www-form-urlencoded'],
    ['PATCH on a /v2 upload', `PATCH /v2/library/app/blobs/uploads/${randomUUID()} HTTP/1.1`, 'content-type: application/octet-stream'],
    ['POST a monolithic /v2 upload', `POST /v2/library/app/blobs/uploads/?digest=sha256:${'a'.repeat(64)} HTTP/1.1`, 'content-type: application/octet-stream'],
  ]
  for (const [name, requestLine, type] of stalled) {
    test(`a body that stalls is cut: ${name}`, { timeout: 20_000 }, async () => {
      const x = await open(b)
      x.socket.write(`${requestLine}\r\nhost: ${b.host}\r\n${type}\r\ncontent-length: 1000\r\n\r\n{"project`)
      await x.closed
      assert.doesNotMatch(x.received(), /^HTTP\/1\.1 2/)
    })
  }

  test('a signed-in chunk upload that stalls is cut, and the upload can go on from what was acknowledged', { timeout: 20_000 }, async () => {
    const start = await fetch(`${b.url}/v2/library/stall/blobs/uploads/`, { method: 'POST', headers: { authorization: ADMIN_AUTH } })
    assert.equal(start.status, 202)
    const path = new URL(start.headers.get('location')!, b.url).pathname
    const x = await open(b)
    x.socket.write(`PATCH ${path} HTTP/1.1\r\nhost: ${b.host}\r\nauthorization: ${ADMIN_AUTH}\r\ncontent-type: application/octet-stream\r\ncontent-length: 1000\r\n\r\n0123456789`)
    await x.closed
    assert.equal(x.received(), '')
    const status = await fetch(`${b.url}${path}`, { headers: { authorization: ADMIN_AUTH } })
    assert.equal(status.status, 204)
    const data = Buffer.from('the whole chunk')
    const patch = await fetch(`${b.url}${path}`, { method: 'PATCH', headers: { authorization: ADMIN_AUTH, 'content-type': 'application/octet-stream' }, body: data })
    assert.equal(patch.status, 202, await patch.text())
    const digest = `sha256:${createHash('sha256').update(data).digest('hex')}`
    const put = await fetch(`${b.url}${path}?digest=${digest}`, { method: 'PUT', headers: { authorization: ADMIN_AUTH } })
    assert.equal(put.status, 201, await put.text())
  })

  test('headers that never end are cut', { timeout: 20_000 }, async () => {
    const x = await open(b)
    x.socket.write(`GET /api/v2.0/ping HTTP/1.1\r\nhost: ${b.host}\r\nx-partial: `)
    await x.closed
    assert.equal(x.received(), '')
  })

  test('headers trickled byte by byte, each within the idle timeout, are cut at headers_timeout with 408', { timeout: 20_000 }, async () => {
    const x = await open(b)
    x.socket.write(`GET /api/v2.0/ping HTTP/1.1\r\nhost: ${b.host}\r\n`)
    let stop = false
    void (async () => {
      for (let i = 0; !stop && i < 100; i++) {
        await new Promise((r) => setTimeout(r, 200))
        if (!x.socket.destroyed) x.socket.write(`x-h${i}: y\r\n`)
      }
    })()
    await x.closed
    stop = true
    assert.match(x.received(), /^HTTP\/1\.1 408/)
  })

  test('a JSON body trickled for longer than the idle timeout still completes', { timeout: 30_000 }, async () => {
    const body = Buffer.from(JSON.stringify({ project_name: 'slowpoke', metadata: { public: 'false' } }))
    const x = await open(b)
    x.socket.write(`POST /api/v2.0/projects HTTP/1.1\r\nhost: ${b.host}\r\nauthorization: ${ADMIN_AUTH}\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n`)
    const started = Date.now()
    await trickle(x.socket, split(body, 12), 250)
    assert.ok(Date.now() - started > 2 * IDLE_SECONDS * 1000, 'the body took longer than two idle timeouts')
    assert.equal(await statusOf(x), 201, x.received())
    x.socket.destroy()
  })

  test('an upload trickled in small chunks for longer than the idle timeout still completes', { timeout: 30_000 }, async () => {
    const blob = Buffer.alloc(64 * 1024, 7)
    const digest = `sha256:${createHash('sha256').update(blob).digest('hex')}`
    const x = await open(b)
    x.socket.write(`POST /v2/library/slow/blobs/uploads/?digest=${digest} HTTP/1.1\r\nhost: ${b.host}\r\nauthorization: ${ADMIN_AUTH}\r\ncontent-type: application/octet-stream\r\ncontent-length: ${blob.length}\r\n\r\n`)
    const started = Date.now()
    await trickle(x.socket, split(blob, 16), 200)
    assert.ok(Date.now() - started > 2 * IDLE_SECONDS * 1000, 'the body took longer than two idle timeouts')
    assert.equal(await statusOf(x), 201, x.received())
    x.socket.destroy()
    const head = await fetch(`${b.url}/v2/library/slow/blobs/${digest}`, { method: 'HEAD', headers: { authorization: ADMIN_AUTH } })
    assert.equal(head.status, 200)
  })
})

describe('connections per client address', () => {
  const ping = (b: RunningBerth) => Buffer.from(`GET /api/v2.0/ping HTTP/1.1\r\nhost: ${b.host}\r\n\r\n`)

  /** A connection that has been answered once, and so is surely counted by the server. */
  async function held(b: RunningBerth): Promise<Exchange> {
    const x = await open(b)
    x.socket.write(ping(b))
    assert.equal(await statusOf(x), 200)
    return x
  }

  describe('with http.max_connections_per_client: 2', () => {
    let b: RunningBerth
    before(async () => { b = await startBerth({ config: { http: { max_connections_per_client: 2 } } }) })
    after(async () => { await b?.close() })

    test('the connection beyond the limit is closed before any answer, and a freed slot is usable again', { timeout: 20_000 }, async () => {
      const first = await held(b)
      const second = await held(b)
      const third = await open(b)
      third.socket.write(ping(b))
      await third.closed
      assert.equal(third.received(), '')
      first.socket.destroy()
      await first.closed
      // the server sees the close on its own schedule: try again until the slot is free
      let answered = false
      for (let attempt = 0; attempt < 200 && !answered; attempt++) {
        const again = await open(b)
        again.socket.write(ping(b))
        try {
          answered = (await statusOf(again)) === 200
        } catch { /* closed: not free yet */ }
        again.socket.destroy()
        await again.closed
      }
      assert.ok(answered, 'a connection is accepted once one of the two is closed')
      second.socket.destroy()
    })
  })

  describe('behind a trusted proxy', () => {
    let b: RunningBerth
    before(async () => { b = await startBerth({ config: { http: { max_connections_per_client: 2, trusted_proxies: ['127.0.0.1'] } } }) })
    after(async () => { await b?.close() })

    test("the proxy's connections are not limited by address (it carries many clients)", async () => {
      const xs = [await held(b), await held(b), await held(b), await held(b)]
      for (const x of xs) x.socket.destroy()
    })
  })
})

describe('open upload sessions per user and repository', () => {
  let dataDir: string
  let b: RunningBerth
  const config = { registry: { upload_sessions: { max_per_user_repository: 2, max_per_user: 3 } } }
  const post = (repo: string, auth: string) => fetch(`${b.url}/v2/${repo}/blobs/uploads/`, { method: 'POST', headers: { authorization: auth } })

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'berth-upload-caps-'))
    b = await startBerth({ dataDir, config })
  })
  after(async () => {
    await b?.close()
    await rm(dataDir, { recursive: true, force: true })
  })

  test('a POST beyond the cap is 429 TOOMANYREQUESTS; a cancelled session frees its slot; the count survives a restart', async () => {
    const first = await post('library/capped', ADMIN_AUTH)
    assert.equal(first.status, 202)
    assert.equal((await post('library/capped', ADMIN_AUTH)).status, 202)
    const refused = await post('library/capped', ADMIN_AUTH)
    assert.equal(refused.status, 429)
    const body = await refused.json() as { errors: Array<{ code: string; message: string }> }
    assert.equal(body.errors[0]!.code, 'TOOMANYREQUESTS')
    assert.match(body.errors[0]!.message, /too many open upload sessions/)
    // a monolithic upload opens a session too
    const data = Buffer.from('monolithic')
    const whole = await fetch(`${b.url}/v2/library/capped/blobs/uploads/?digest=sha256:${createHash('sha256').update(data).digest('hex')}`, {
      method: 'POST', headers: { authorization: ADMIN_AUTH, 'content-type': 'application/octet-stream' }, body: data,
    })
    assert.equal(whole.status, 429)

    // another user pushing to the same repository has slots of their own
    const dev = await makeUser(b, 'capdev')
    await addMember(b, 'library', dev.username, 2)
    assert.equal((await post('library/capped', dev.auth)).status, 202)

    // restart on the same data: the rows still count
    await b.close()
    b = await startBerth({ dataDir, config })
    assert.equal((await post('library/capped', ADMIN_AUTH)).status, 429)
    const cancel = await fetch(new URL(first.headers.get('location')!, b.url), { method: 'DELETE', headers: { authorization: ADMIN_AUTH } })
    assert.equal(cancel.status, 204)
    assert.equal((await post('library/capped', ADMIN_AUTH)).status, 202)
    assert.equal((await post('library/capped', ADMIN_AUTH)).status, 429)
  })
})
