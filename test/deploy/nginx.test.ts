// deploy/nginx.conf run by Debian's nginx in front of two plain HTTP servers that record what
// reaches them: the body of an upload streams through as it arrives (no request buffering),
// whatever its size; the X-Forwarded-* headers carry the client; connections to the instances are
// HTTP/1.1 and kept; requests spread over the instances.
import { test, describe, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { createServer, request, Agent, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { readFile } from 'node:fs/promises'
import { checkNginxConf, nginxTemplatePath, renderNginxConf, startNginx, type Nginx } from '../helpers/nginx.js'

type Seen = { upstream: number; method: string; url: string; headers: IncomingMessage['headers']; httpVersion: string; remotePort: number; bytes: number }

describe('deploy/nginx.conf', () => {
  const seen: Seen[] = []
  /** Called as each upstream receives body bytes: (upstream, bytes so far). */
  let onBody: (upstream: number, bytes: number) => void = () => {}
  const upstreams: Server[] = []
  let nginx: Nginx

  before(async () => {
    for (const n of [0, 1]) {
      const srv = createServer((req, res) => {
        const rec: Seen = { upstream: n, method: req.method!, url: req.url!, headers: req.headers, httpVersion: req.httpVersion, remotePort: req.socket.remotePort!, bytes: 0 }
        seen.push(rec)
        req.on('data', (d: Buffer) => { rec.bytes += d.length; onBody(n, rec.bytes) })
        req.on('end', () => res.end(JSON.stringify({ upstream: n, bytes: rec.bytes })))
      })
      await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r))
      upstreams.push(srv)
    }
    nginx = await startNginx({ upstreams: upstreams.map((s) => `127.0.0.1:${(s.address() as AddressInfo).port}`) })
  })
  after(async () => {
    await nginx?.close()
    for (const s of upstreams) { s.closeAllConnections(); await new Promise((r) => s.close(r)) }
  })

  test('nginx -t accepts the template as rendered, with any number of upstreams', async () => {
    const template = await readFile(nginxTemplatePath(), 'utf8')
    for (const n of [1, 3]) {
      const conf = renderNginxConf(template, { upstreams: Array.from({ length: n }, (_, i) => `127.0.0.1:${5001 + i}`), listen: '127.0.0.1:8080', temp: '/tmp' })
      assert.doesNotMatch(conf, /\$\{/)
      await checkNginxConf(conf)
    }
  })

  // with request buffering the instance never sees the first part, and the timeout ends the test
  test('an upload body reaches the instance while the client is still sending it, with no size limit', { timeout: 30_000 }, async () => {
    const total = 24 * 1024 * 1024 // far past nginx's default 1 MiB client_max_body_size
    const first = 4 * 1024 * 1024
    const chunk = Buffer.alloc(1024 * 1024, 0x61)
    let upstreamHasFirst!: () => void
    const arrived = new Promise<void>((r) => { upstreamHasFirst = r })
    onBody = (_, bytes) => { if (bytes >= first) upstreamHasFirst() }
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${nginx.url}/v2/proj/app/blobs/uploads/some-id`, { method: 'PATCH', headers: { 'content-length': total, 'content-type': 'application/octet-stream' } }, (res) => {
        let body = ''
        res.on('data', (d: Buffer) => { body += d.toString() })
        res.on('end', () => resolve({ status: res.statusCode!, body }))
      })
      req.on('error', reject)
      void (async () => {
        for (let sent = 0; sent < first; sent += chunk.length) req.write(chunk)
        // the rest waits until the instance has the first part: with request buffering this never happens
        await arrived
        for (let sent = first; sent < total; sent += chunk.length) {
          if (!req.write(chunk)) await new Promise((r) => req.once('drain', r))
        }
        req.end()
      })()
    })
    const res = await answer
    onBody = () => {}
    assert.equal(res.status, 200, res.body)
    assert.equal((JSON.parse(res.body) as { bytes: number }).bytes, total)
  })

  test('the instance sees the client in X-Forwarded-*, the Host it asked for, over kept HTTP/1.1 connections', async () => {
    seen.length = 0
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    try {
      for (let i = 0; i < 6; i++) {
        await new Promise<void>((resolve, reject) => {
          request(`${nginx.url}/v2/`, { agent, headers: { 'x-forwarded-for': '203.0.113.9' } }, (res) => { res.resume(); res.on('end', resolve) }).on('error', reject).end()
        })
      }
    } finally {
      agent.destroy()
    }
    assert.equal(seen.length, 6)
    for (const s of seen) {
      assert.equal(s.httpVersion, '1.1')
      assert.equal(s.headers['x-forwarded-for'], '127.0.0.1', 'what the client claimed is replaced by its address')
      assert.equal(s.headers['x-forwarded-proto'], 'http')
      assert.equal(s.headers['x-forwarded-host'], nginx.host)
      assert.equal(s.headers.host, nginx.host)
      assert.notEqual(s.headers.connection, 'close')
    }
    // round robin over both instances, each reusing its connection from nginx
    for (const n of [0, 1]) {
      const mine = seen.filter((s) => s.upstream === n)
      assert.ok(mine.length >= 2, `upstream ${n} got ${mine.length} of 6 requests`)
      assert.ok(new Set(mine.map((s) => s.remotePort)).size < mine.length, `upstream ${n}: a new connection per request`)
    }
  })
})
